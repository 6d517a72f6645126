"""Open each workbook with openpyxl and save it unchanged, as an OPD using a
Python tool would. Usage: resave_openpyxl.py SOURCE_DIR OUT_DIR"""
import os
import sys

import openpyxl

src_dir, out_dir = sys.argv[1], sys.argv[2]
for name in sorted(os.listdir(src_dir)):
    if name.endswith('.xlsx'):
        openpyxl.load_workbook(os.path.join(src_dir, name)).save(os.path.join(out_dir, name))
