"""A small XLSX reader for the tests (python3 standard library only).

Reads what a spreadsheet program reads: the workbook's sheet list, the
shared strings and each sheet's XML, so that the tests check schedule.xlsx
as a reader sees it, not as our writer meant it.  Each cell comes back as
(kind, value): kind "s" a shared string, "inlineStr" an inline string,
"str" a formula's string result, "n" a number (value a float), "b" a
boolean; has_formula is set when the cell holds a formula (<f>).
"""
import re
import zipfile
import xml.etree.ElementTree as ET

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
      "rel": "http://schemas.openxmlformats.org/package/2006/relationships"}


def _col_index(ref):
    letters = re.match(r"[A-Z]+", ref).group(0)
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - ord("A") + 1
    return n - 1


def _text(si):
    # a shared string is either <t> or rich-text runs <r><t>
    return "".join(t.text or "" for t in si.iter("{%s}t" % NS["m"]))


class Sheet:
    def __init__(self, name):
        self.name = name
        self.rows = []            # rows[r][c] = (kind, value) or None
        self.frozen_rows = 0      # ySplit of a frozen pane
        self.autofilter = None    # its ref, e.g. "A1:L40"
        self.formulas = 0         # cells holding a formula
        self.widths = {}          # column index -> width
        self.landscape = False    # pageSetup orientation
        self.fit_to_page = False  # sheetPr/pageSetUpPr fitToPage
        self.fit_width = 1        # pages wide (pageSetup fitToWidth, default 1)
        self.fit_height = 1       # pages tall (fitToHeight, default 1; 0: as many as needed)
        self.print_titles = None  # the rows printed on every page, e.g. "$1:$1"

    def values(self, r):
        """Row r as plain values ("" for an empty cell)."""
        return [c[1] if c else "" for c in self.rows[r]]


def read(path):
    """Returns {sheet name: Sheet} in workbook order (a dict keeps it)."""
    z = zipfile.ZipFile(path)
    shared = []
    if "xl/sharedStrings.xml" in z.namelist():
        root = ET.fromstring(z.read("xl/sharedStrings.xml"))
        shared = [_text(si) for si in root.findall("m:si", NS)]
    rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
    target = {r.get("Id"): r.get("Target") for r in rels.findall("rel:Relationship", NS)}
    wb = ET.fromstring(z.read("xl/workbook.xml"))
    sheets = {}
    for s in wb.find("m:sheets", NS).findall("m:sheet", NS):
        sheet = Sheet(s.get("name"))
        rid = s.get("{%s}id" % NS["r"])
        root = ET.fromstring(z.read("xl/" + target[rid].lstrip("/").replace("xl/", "", 1)))
        pane = root.find("m:sheetViews/m:sheetView/m:pane", NS)
        if pane is not None and pane.get("state") == "frozen":
            sheet.frozen_rows = int(float(pane.get("ySplit", "0")))
        ps = root.find("m:pageSetup", NS)
        if ps is not None:
            sheet.landscape = ps.get("orientation") == "landscape"
            sheet.fit_width = int(ps.get("fitToWidth", "1"))
            sheet.fit_height = int(ps.get("fitToHeight", "1"))
        fit = root.find("m:sheetPr/m:pageSetUpPr", NS)
        sheet.fit_to_page = fit is not None and fit.get("fitToPage") in ("1", "true")
        af = root.find("m:autoFilter", NS)
        if af is not None:
            sheet.autofilter = af.get("ref")
        cols = root.find("m:cols", NS)
        if cols is not None:
            for c in cols.findall("m:col", NS):
                for i in range(int(c.get("min")) - 1, int(c.get("max"))):
                    sheet.widths[i] = float(c.get("width"))
        for row in root.find("m:sheetData", NS).findall("m:row", NS):
            r = int(row.get("r")) - 1
            while len(sheet.rows) <= r:
                sheet.rows.append([])
            cells = sheet.rows[r]
            for c in row.findall("m:c", NS):
                i = _col_index(c.get("r"))
                while len(cells) <= i:
                    cells.append(None)
                kind = c.get("t", "n")
                if c.find("m:f", NS) is not None:
                    sheet.formulas += 1
                v = c.find("m:v", NS)
                if kind == "s":
                    value = shared[int(v.text)]
                elif kind == "inlineStr":
                    value = _text(c.find("m:is", NS))
                elif kind == "n":
                    value = float(v.text) if v is not None else None
                else:
                    value = v.text if v is not None else ""
                cells[i] = (kind, value)
        sheets[sheet.name] = sheet
    names = wb.find("m:definedNames", NS)
    order = list(sheets)
    for dn in (names.findall("m:definedName", NS) if names is not None else []):
        if dn.get("name") == "_xlnm.Print_Titles" and dn.get("localSheetId") is not None:
            sh = sheets[order[int(dn.get("localSheetId"))]]
            sh.print_titles = dn.text.split("!", 1)[-1]
    return sheets
