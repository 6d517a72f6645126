"""Recreate each workbook with XlsxWriter from what openpyxl reads in it:
sheets (and whether they are hidden), cell values with their types and number
formats, hyperlinks, notes and merged ranges. XlsxWriter lays the file out its
own way (part names, shared strings, styles), which is the point.
Usage: recreate_xlsxwriter.py SOURCE_DIR OUT_DIR"""
import datetime
import os
import sys

import openpyxl
import xlsxwriter

src_dir, out_dir = sys.argv[1], sys.argv[2]

for name in sorted(os.listdir(src_dir)):
    if not name.endswith('.xlsx'):
        continue
    src = openpyxl.load_workbook(os.path.join(src_dir, name))
    out = xlsxwriter.Workbook(
        os.path.join(out_dir, name),
        {'strings_to_numbers': False, 'strings_to_formulas': False, 'strings_to_urls': False},
    )
    formats = {}

    def fmt(code):
        if code in (None, 'General'):
            return None
        if code not in formats:
            formats[code] = out.add_format({'num_format': code})
        return formats[code]

    for ws in src.worksheets:
        sheet = out.add_worksheet(ws.title)
        if ws.sheet_state == 'veryHidden' and hasattr(sheet, 'very_hidden'):
            sheet.very_hidden()
        elif ws.sheet_state != 'visible':
            sheet.hide()
        merged = {}
        covered = set()
        for m in ws.merged_cells.ranges:
            merged[(m.min_row, m.min_col)] = m
            for r in range(m.min_row, m.max_row + 1):
                for c in range(m.min_col, m.max_col + 1):
                    covered.add((r, c))
        for row in ws.iter_rows():
            for c in row:
                r, col, v, f = c.row - 1, c.column - 1, c.value, fmt(c.number_format)
                if (c.row, c.column) in merged:
                    m = merged[(c.row, c.column)]
                    sheet.merge_range(m.min_row - 1, m.min_col - 1, m.max_row - 1, m.max_col - 1, '' if v is None else v, f or out.add_format())
                elif (c.row, c.column) in covered:
                    continue
                elif c.hyperlink is not None and c.hyperlink.target:
                    sheet.write_url(r, col, c.hyperlink.target, f, None if v is None else str(v))
                elif v is None:
                    if f is not None:
                        sheet.write_blank(r, col, None, f)
                elif isinstance(v, bool):
                    sheet.write_boolean(r, col, v, f)
                elif isinstance(v, (int, float)):
                    sheet.write_number(r, col, v, f)
                elif isinstance(v, datetime.datetime):
                    sheet.write_datetime(r, col, v, f or out.add_format({'num_format': 'yyyy-mm-dd'}))
                elif isinstance(v, str) and v.startswith('='):
                    sheet.write_formula(r, col, v, f)
                else:
                    sheet.write_string(r, col, str(v), f)
                if c.comment is not None:
                    sheet.write_comment(r, col, c.comment.text)
    out.close()
