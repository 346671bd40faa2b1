/*
 * csv_out.c - one CSV cell, quoted and spreadsheet-safe (see csv_out.h).
 *
 * The guard goes inside the quotes, so a cell is still one RFC 4180 field
 * whose value starts with the apostrophe; spreadsheets hide that apostrophe
 * and show the text.
 */
#include "csv_out.h"

#include <string.h>

bool csv_out_formula_like(const char *text)
{
	return *text && strchr("=+-@\t\r", *text) != NULL;
}

/* Writes text as a CSV cell, with the apostrophe in front when guard. */
static void put_cell(FILE *f, const char *text, bool guard)
{
	if (!strpbrk(text, ",\"\r\n")) {
		if (guard)
			fputc('\'', f);
		fputs(text, f);
		return;
	}
	fputc('"', f);
	if (guard)
		fputc('\'', f);
	for (const char *v = text; *v; v++) {
		if (*v == '"')
			fputc('"', f);
		fputc(*v, f);
	}
	fputc('"', f);
}

void csv_out_text(FILE *f, const char *text)
{
	put_cell(f, text, csv_out_formula_like(text));
}

void csv_out_quoted(FILE *f, const char *text)
{
	put_cell(f, text, false);
}

const char *csv_out_untext(const char *cell)
{
	return cell[0] == '\'' && csv_out_formula_like(cell + 1) ? cell + 1 : cell;
}
