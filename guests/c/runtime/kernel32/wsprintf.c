/*
 * user32's wsprintfW/A and wvsprintfW/A (abi/crt/strings.ts): Windows' small printf, as Wine 8 has it.
 * %[-][#][0][width][.precision][h|l|ll|I64|I32|I|w]type with the types c C d i u x X s S p; no floating
 * point and no * widths (an unknown type prints the character itself, so "%f" gives "f"); %s is a
 * wide string in wsprintfW and a narrow (UTF-8) one in wsprintfA, %S the other kind, %hs and %ls say
 * which; NULL prints "(null)". The output stops at 1024 characters with the NUL (wsprintf's buffer limit);
 * the result is the number of characters stored without the NUL.
 */
#include <windows.h>
#include <stdarg.h>
#include <stdio.h>

#define LIMIT 1024

struct sink { void *buf; int wide, n; };

static void put(struct sink *s, WCHAR c) {
  if (s->n >= LIMIT - 1) return;
  if (s->wide) ((WCHAR *)s->buf)[s->n++] = c;
  else ((char *)s->buf)[s->n++] = (char)c;
}

/* A UTF-8 string into the sink: bytes as they are for the A form, decoded for the W form. */
static void put_narrow(struct sink *s, const char *p, int len) {
  if (!s->wide) { for (int i = 0; i < len; i++) put(s, (unsigned char)p[i]); return; }
  WCHAR tmp[LIMIT];
  int n = len ? MultiByteToWideChar(CP_UTF8, 0, p, len, tmp, LIMIT) : 0;
  for (int i = 0; i < n; i++) put(s, tmp[i]);
}

static void put_wide(struct sink *s, const WCHAR *p, int len) {
  if (s->wide) { for (int i = 0; i < len; i++) put(s, p[i]); return; }
  char tmp[LIMIT * 3];
  int n = len ? WideCharToMultiByte(CP_UTF8, 0, p, len, tmp, sizeof tmp, NULL, NULL) : 0;
  for (int i = 0; i < n; i++) put(s, (unsigned char)tmp[i]);
}

static void pad(struct sink *s, int n, WCHAR c) { while (n-- > 0) put(s, c); }

/* Walks the format (narrow or wide) and formats into s. */
static int format(struct sink *s, const void *fmt, int wide_fmt, va_list ap) {
  const char *fa = fmt;
  const WCHAR *fw = fmt;
  size_t i = 0;
#define AT(k) (wide_fmt ? (unsigned)fw[i + (k)] : (unsigned)(unsigned char)fa[i + (k)])
  while (AT(0)) {
    if (AT(0) != '%') { put(s, (WCHAR)AT(0)); i++; continue; }
    i++;
    if (AT(0) == '%') { put(s, '%'); i++; continue; }
    int left = 0, alt = 0, zero = 0, width = 0, prec = -1;
    for (;; i++) {
      if (AT(0) == '-') left = 1;
      else if (AT(0) == '#') alt = 1;
      else if (AT(0) == '0') zero = 1;
      else break;
    }
    while (AT(0) >= '0' && AT(0) <= '9') { width = width * 10 + (int)(AT(0) - '0'); i++; }
    if (AT(0) == '.') {
      i++;
      prec = 0;
      while (AT(0) >= '0' && AT(0) <= '9') { prec = prec * 10 + (int)(AT(0) - '0'); i++; }
    }
    int is64 = 0, size = 0; /* size: -1 h, 1 l or w */
    if (AT(0) == 'I' && AT(1) == '6' && AT(2) == '4') { is64 = 1; i += 3; }
    else if (AT(0) == 'I' && AT(1) == '3' && AT(2) == '2') { i += 3; }
    else if (AT(0) == 'l' && AT(1) == 'l') { is64 = 1; i += 2; }
    else if (AT(0) == 'h') { size = -1; i++; }
    else if (AT(0) == 'l' || AT(0) == 'w') { size = 1; i++; }
    else if (AT(0) == 'I') { i++; }
    unsigned type = AT(0);
    if (!type) break;
    i++;
    int wide_arg = (type == 's' || type == 'c') ? s->wide : !s->wide;
    if (size == -1) wide_arg = 0;
    if (size == 1) wide_arg = 1;
    if (type == 's' || type == 'S') {
      const void *p = va_arg(ap, const void *);
      int len;
      if (!p) { p = "(null)"; wide_arg = 0; }
      if (wide_arg) { const WCHAR *w = p; for (len = 0; w[len] && (prec < 0 || len < prec); len++) {} }
      else { const char *a = p; for (len = 0; a[len] && (prec < 0 || len < prec); len++) {} }
      /* The width counts characters of the argument as given. */
      if (!left) pad(s, width - len, zero ? '0' : ' ');
      if (wide_arg) put_wide(s, p, len); else put_narrow(s, p, len);
      if (left) pad(s, width - len, ' ');
      continue;
    }
    if (type == 'c' || type == 'C') {
      int c = va_arg(ap, int);
      if (!left) pad(s, width - 1, zero ? '0' : ' ');
      if (wide_arg) { WCHAR w = (WCHAR)c; put_wide(s, &w, 1); }
      else { char a = (char)c; put_narrow(s, &a, 1); }
      if (left) pad(s, width - 1, ' ');
      continue;
    }
    if (!strchr("diuxXp", (int)type)) { put(s, (WCHAR)type); continue; } /* no floating point: the letter itself */
    char spec[32], num[80];
    int k = 0;
    spec[k++] = '%';
    if (alt && (type == 'x' || type == 'X')) spec[k++] = '#';
    if (prec >= 0) k += snprintf(spec + k, sizeof spec - (size_t)k, ".%d", prec > 60 ? 60 : prec);
    if (type == 'p') {
      snprintf(num, sizeof num, "%08lX", (unsigned long)(ULONG_PTR)va_arg(ap, void *));
    } else if (is64) {
      spec[k++] = 'l';
      spec[k++] = 'l';
      spec[k++] = (char)type;
      spec[k] = 0;
      unsigned long long v = va_arg(ap, unsigned long long);
      if (type == 'd' || type == 'i') snprintf(num, sizeof num, spec, (long long)v);
      else snprintf(num, sizeof num, spec, v);
    } else {
      spec[k++] = (char)type;
      spec[k] = 0;
      unsigned v = va_arg(ap, unsigned);
      if (type == 'd' || type == 'i') snprintf(num, sizeof num, spec, (int)v);
      else snprintf(num, sizeof num, spec, v);
    }
    int len = (int)strlen(num);
    if (!left && zero && prec < 0) {
      /* Zeros go after the sign. */
      int start = num[0] == '-' ? 1 : 0;
      if (start) put(s, '-');
      pad(s, width - len, '0');
      for (int j = start; j < len; j++) put(s, (unsigned char)num[j]);
    } else {
      if (!left) pad(s, width - len, ' ');
      for (int j = 0; j < len; j++) put(s, (unsigned char)num[j]);
      if (left) pad(s, width - len, ' ');
    }
  }
#undef AT
  return s->n;
}

int WINAPI wvsprintfA(LPSTR lpOutput, LPCSTR lpFmt, va_list arglist) {
  struct sink s = { lpOutput, 0, 0 };
  va_list ap;
  va_copy(ap, arglist);
  int n = format(&s, lpFmt, 0, ap);
  va_end(ap);
  lpOutput[n] = 0;
  return n;
}

int WINAPI wvsprintfW(LPWSTR lpOutput, LPCWSTR lpFmt, va_list arglist) {
  struct sink s = { lpOutput, 1, 0 };
  va_list ap;
  va_copy(ap, arglist);
  int n = format(&s, lpFmt, 1, ap);
  va_end(ap);
  lpOutput[n] = 0;
  return n;
}

int WINAPIV wsprintfA(LPSTR lpOut, LPCSTR lpFmt, ...) {
  va_list ap;
  va_start(ap, lpFmt);
  int n = wvsprintfA(lpOut, lpFmt, ap);
  va_end(ap);
  return n;
}

int WINAPIV wsprintfW(LPWSTR lpOut, LPCWSTR lpFmt, ...) {
  va_list ap;
  va_start(ap, lpFmt);
  int n = wvsprintfW(lpOut, lpFmt, ap);
  va_end(ap);
  return n;
}
