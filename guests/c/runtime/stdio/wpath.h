/* A wide file name or mode as UTF-8, on the stack when short (stdio/wpath.c). Not for guests. */
#ifndef NTWASM_STDIO_WPATH_H
#define NTWASM_STDIO_WPATH_H
#include <wchar.h>
typedef struct { char *s; char small[512]; } ntw_path;
/* Returns p->s, or NULL (errno EINVAL for a NULL name, ENOMEM). */
char *__ntwasm_path_utf8(ntw_path *p, const wchar_t *w);
void __ntwasm_path_free(ntw_path *p);
#endif
