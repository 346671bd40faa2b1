/* gen.c - STUB */
#include <stdio.h>
int main(void)
{
	fputs("mclsched-gen: not implemented yet\n", stderr);
	return 4;
}
