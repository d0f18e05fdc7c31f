/* Wide file names for the _w stdio and io calls: UTF-16 to UTF-8 (a lone surrogate: U+FFFD). */
#include <errno.h>
#include <stdlib.h>
#include "stdio_internal.h"
#include "wpath.h"

char *__ntwasm_path_utf8(ntw_path *p, const wchar_t *w) {
  p->s = NULL;
  if (!w) { errno = EINVAL; return NULL; }
  size_t n = wcslen(w);
  char *out = n * 3 + 1 <= sizeof p->small ? p->small : malloc(n * 3 + 1);
  if (!out) { errno = ENOMEM; return NULL; }
  size_t used = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned c = w[i];
    if (c - 0xd800u < 0x400u && i + 1 < n && (unsigned)w[i + 1] - 0xdc00u < 0x400u) {
      c = 0x10000 + ((c - 0xd800) << 10) + (w[i + 1] - 0xdc00u);
      i++;
    }
    used += __ntwasm_utf8(out + used, c);
  }
  out[used] = 0;
  return p->s = out;
}

void __ntwasm_path_free(ntw_path *p) {
  if (p->s && p->s != p->small) free(p->s);
  p->s = NULL;
}
