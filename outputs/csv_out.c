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

void csv_out_text(FILE *f, const char *text)
{
	bool guard = csv_out_formula_like(text);
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

const char *csv_out_untext(const char *cell)
{
	return cell[0] == '\'' && csv_out_formula_like(cell + 1) ? cell + 1 : cell;
}
