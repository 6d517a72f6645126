"""Change one sheet's layout as an office that unprotected it would, and as
Excel does it: delete the two title rows ("rows") or insert a column before
the first ("column"), merged cells moved with their content (openpyxl alone
leaves them where they were). Usage: changed_layout.py SOURCE OUT SHEET MODE"""
import sys

import openpyxl
from openpyxl.worksheet.cell_range import CellRange

src, out, sheet, mode = sys.argv[1:5]
wb = openpyxl.load_workbook(src)
ws = wb[sheet]
ws.protection.sheet = False
merges = [CellRange(m.coord) for m in ws.merged_cells.ranges]
for m in merges:
    ws.unmerge_cells(m.coord)
if mode == 'rows':
    ws.delete_rows(1, 2)
    for m in merges:
        if m.max_row > 2:
            m.shift(row_shift=-2)
            ws.merge_cells(m.coord)
elif mode == 'column':
    ws.insert_cols(1)
    for m in merges:
        m.shift(col_shift=1)
        ws.merge_cells(m.coord)
else:
    sys.exit(f'unknown mode {mode}')
wb.save(out)
