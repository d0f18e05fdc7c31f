/*
 * FormatMessageW/A (abi/crt/strings.ts).
 *
 * Sources: FORMAT_MESSAGE_FROM_STRING (lpSource is the message), FORMAT_MESSAGE_FROM_SYSTEM (Windows'
 * English system texts for the error codes ntwasm has: messages.gen.c, from abi/messages.ts; an HRESULT
 * 0x8007xxxx finds the text of error xxxx, as on Windows), FORMAT_MESSAGE_FROM_HMODULE (no module has a
 * message table: ERROR_RESOURCE_TYPE_NOT_FOUND, unless FROM_SYSTEM is also given). An unknown id fails with
 * ERROR_MR_MID_NOT_FOUND; a language other than neutral or English with ERROR_RESOURCE_LANG_NOT_FOUND.
 *
 * Inserts, as Windows has them (checked with Wine 8): %1..%99 insert an argument (%n!fmt! with a
 * printf format: d i u x X o c C s S p, flags, width and precision, * taking the next arguments, h l ll
 * I64 I32 I w; no floating point, as on Windows); %0 ends the message there (no trailing newline);
 * %n is a line break, %r a bare CR, %t a tab, %% a percent sign, and % followed by anything else that
 * character. A line break in the message is a CRLF in the output (a lone LF becomes one too).
 * FORMAT_MESSAGE_IGNORE_INSERTS copies %1... and %% as they are. The arguments are a va_list* (read
 * as DWORD_PTR values) or, with FORMAT_MESSAGE_ARGUMENT_ARRAY, a DWORD_PTR array; a missing one or an
 * unterminated insert fails with ERROR_INVALID_PARAMETER. In FormatMessageW, %s and %c are wide; in
 * FormatMessageA they are narrow (UTF-8) and %S/%C wide.
 * Width (the low byte of dwFlags): 0 keeps the message's line breaks; FORMAT_MESSAGE_MAX_WIDTH_MASK turns
 * them into spaces (only %n breaks a line); 1..254 also wraps lines at that width, at a space when
 * there is one.
 * Output: lpBuffer of nSize characters (ERROR_INSUFFICIENT_BUFFER when the text and its NUL do not fit),
 * or with FORMAT_MESSAGE_ALLOCATE_BUFFER a LocalAlloc'd buffer (free it with LocalFree) stored at
 * *(LPTSTR *)lpBuffer. The result is the length without the NUL.
 */
#include <windows.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include "messages.h"

#define MAX_INSERT 99

/* A growing UTF-16 string. */
struct out { WCHAR *s; size_t len, cap; int failed; };

static void put(struct out *o, WCHAR c) {
  if (o->failed) return;
  if (o->len + 2 > o->cap) {
    size_t cap = o->cap ? o->cap * 2 : 256;
    WCHAR *s = realloc(o->s, cap * sizeof(WCHAR));
    if (!s) { o->failed = 1; return; }
    o->s = s;
    o->cap = cap;
  }
  o->s[o->len++] = c;
}

static void put_ascii(struct out *o, const char *s) {
  while (*s) put(o, (WCHAR)(unsigned char)*s++);
}

static void put_utf8(struct out *o, const char *s, int n) {
  if (n < 0) n = (int)strlen(s);
  if (!n) return;
  int w = MultiByteToWideChar(CP_UTF8, 0, s, n, NULL, 0);
  WCHAR *tmp = malloc((size_t)w * sizeof(WCHAR));
  if (!tmp) { o->failed = 1; return; }
  MultiByteToWideChar(CP_UTF8, 0, s, n, tmp, w);
  for (int i = 0; i < w; i++) put(o, tmp[i]);
  free(tmp);
}

/* The arguments: DWORD_PTR slots, numbered from 1. */
struct args { DWORD_PTR v[MAX_INSERT + 4]; int n; };

/* An insert's printf format between the ! marks. */
struct spec {
  char flags[8];
  int width, prec; /* -1: none; -2: from an argument (*) */
  char len[4];     /* "", "h", "l", "ll", "w", "I64", "I32", "I" */
  char conv;
};

static int parse_spec(const WCHAR *p, const WCHAR *end, struct spec *sp) {
  int nf = 0;
  memset(sp, 0, sizeof *sp);
  sp->width = sp->prec = -1;
  while (p < end && (*p == '-' || *p == '+' || *p == ' ' || *p == '#' || *p == '0') && nf < 7) sp->flags[nf++] = (char)*p++;
  if (p < end && *p == '*') { sp->width = -2; p++; }
  else if (p < end && *p >= '0' && *p <= '9') { sp->width = 0; while (p < end && *p >= '0' && *p <= '9') sp->width = sp->width * 10 + (*p++ - '0'); }
  if (p < end && *p == '.') {
    p++;
    if (p < end && *p == '*') { sp->prec = -2; p++; }
    else { sp->prec = 0; while (p < end && *p >= '0' && *p <= '9') sp->prec = sp->prec * 10 + (*p++ - '0'); }
  }
  if (end - p >= 3 && p[0] == 'I' && p[1] == '6' && p[2] == '4') { strcpy(sp->len, "I64"); p += 3; }
  else if (end - p >= 3 && p[0] == 'I' && p[1] == '3' && p[2] == '2') { strcpy(sp->len, "I32"); p += 3; }
  else if (end - p >= 2 && p[0] == 'l' && p[1] == 'l') { strcpy(sp->len, "ll"); p += 2; }
  else if (p < end && (*p == 'h' || *p == 'l' || *p == 'w' || *p == 'I' || *p == 'L')) { sp->len[0] = (char)*p++; }
  if (p >= end) return 0;
  sp->conv = (char)*p++;
  return p == end && strchr("diouxXcCsSp", sp->conv) != NULL;
}

/* How many argument slots an insert with this spec uses (its number's slot and those after it). */
static int slots(const struct spec *sp) {
  int n = 1 + (sp->width == -2) + (sp->prec == -2);
  if (!strcmp(sp->len, "I64") || !strcmp(sp->len, "ll")) n++;
  return n;
}

static void pad(struct out *o, int n) { while (n-- > 0) put(o, ' '); }

/* Formats one insert: its value(s) start at slot k. */
static void format_insert(struct out *o, const struct spec *sp, const struct args *a, int k, int ansi) {
  struct spec s = *sp;
  if (s.width == -2) { s.width = (int)a->v[k++]; if (s.width < 0) { s.width = -s.width; strcat(s.flags, "-"); } }
  if (s.prec == -2) { s.prec = (int)a->v[k++]; if (s.prec < 0) s.prec = -1; }
  int left = strchr(s.flags, '-') != NULL;
  char c = s.conv;
  int wide_str = (c == 's' || c == 'c') ? !ansi : ansi;
  if (s.len[0] == 'h') wide_str = 0;
  if (s.len[0] == 'l' && s.len[1] == 0) wide_str = 1;
  if (s.len[0] == 'w') wide_str = 1;
  if (c == 's' || c == 'S') {
    struct out tmp = { 0 };
    DWORD_PTR v = a->v[k];
    if (!v) put_ascii(&tmp, "(null)");
    else if (wide_str) for (const WCHAR *p = (const WCHAR *)v; *p; p++) put(&tmp, *p);
    else put_utf8(&tmp, (const char *)v, -1);
    size_t n = tmp.len;
    if (s.prec >= 0 && (size_t)s.prec < n) n = (size_t)s.prec;
    if (!left) pad(o, s.width - (int)n);
    for (size_t i = 0; i < n; i++) put(o, tmp.s[i]);
    if (left) pad(o, s.width - (int)n);
    free(tmp.s);
    if (tmp.failed) o->failed = 1;
    return;
  }
  if (c == 'c' || c == 'C') {
    WCHAR ch = wide_str ? (WCHAR)a->v[k] : (WCHAR)(unsigned char)a->v[k];
    if (!left) pad(o, s.width - 1);
    put(o, ch);
    if (left) pad(o, s.width - 1);
    return;
  }
  /* Numbers: through the C library's printf, with the width and precision made explicit. */
  char fmt[48], buf[160];
  int is64 = !strcmp(s.len, "I64") || !strcmp(s.len, "ll");
  char *f = fmt;
  *f++ = '%';
  for (const char *q = s.flags; *q; q++) *f++ = *q;
  if (s.width >= 0) f += sprintf(f, "%d", s.width > 120 ? 120 : s.width);
  if (s.prec >= 0) f += sprintf(f, ".%d", s.prec > 120 ? 120 : s.prec);
  if (c == 'p') {
    snprintf(buf, sizeof buf, "%08lX", (unsigned long)a->v[k]); /* as msvcrt prints pointers on 32-bit Windows */
  } else if (is64) {
    unsigned long long v = (unsigned long long)a->v[k] | ((unsigned long long)a->v[k + 1] << 32);
    sprintf(f, "ll%c", c);
    if (c == 'd' || c == 'i') snprintf(buf, sizeof buf, fmt, (long long)v);
    else snprintf(buf, sizeof buf, fmt, v);
  } else if (s.len[0] == 'h') {
    sprintf(f, "%c", c);
    if (c == 'd' || c == 'i') snprintf(buf, sizeof buf, fmt, (int)(short)a->v[k]);
    else snprintf(buf, sizeof buf, fmt, (unsigned)(unsigned short)a->v[k]);
  } else {
    sprintf(f, "%c", c);
    if (c == 'd' || c == 'i') snprintf(buf, sizeof buf, fmt, (int)a->v[k]);
    else snprintf(buf, sizeof buf, fmt, (unsigned)a->v[k]);
  }
  if (s.width > 120) { /* wider than the local buffer: pad by hand */
    int n = (int)strlen(buf);
    if (!left) pad(o, s.width - n);
    put_ascii(o, buf);
    if (left) pad(o, s.width - n);
    return;
  }
  put_ascii(o, buf);
}

/* Reads "%<digits>[!spec!]" at p (after the %): the insert number, its spec, the position after it. */
static int parse_insert(const WCHAR *p, int *number, struct spec *sp, const WCHAR **next) {
  int n = *p++ - '0';
  if (*p >= '0' && *p <= '9') n = n * 10 + (*p++ - '0');
  *number = n;
  memset(sp, 0, sizeof *sp);
  sp->width = sp->prec = -1;
  sp->conv = 's';
  if (*p == '!') {
    const WCHAR *close = wcschr(p + 1, '!');
    if (!close || !parse_spec(p + 1, close, sp)) return 0;
    p = close + 1;
  }
  *next = p;
  return 1;
}

/*
 * Formats msg into o. Line breaks are marked: a hard one (%n) as 0xFFFF until wrapping, a message one
 * as a CRLF or (with a width) a space.
 */
static DWORD format(const WCHAR *msg, DWORD flags, struct args *a, int have_args, int ansi, struct out *o) {
  int width = (int)(flags & FORMAT_MESSAGE_MAX_WIDTH_MASK);
  int ignore = (flags & FORMAT_MESSAGE_IGNORE_INSERTS) != 0;
  for (const WCHAR *p = msg; *p;) {
    WCHAR c = *p;
    if (c == '\r' || c == '\n') {
      p += (c == '\r' && p[1] == '\n') ? 2 : 1;
      if (width) put(o, ' ');
      else { put(o, '\r'); put(o, '\n'); }
      continue;
    }
    if (c != '%') { put(o, c); p++; continue; }
    WCHAR d = p[1];
    if (d == 0) return ERROR_INVALID_PARAMETER; /* a lone % at the end */
    if (d == '0') break;
    if (d >= '1' && d <= '9') {
      int number;
      struct spec sp;
      const WCHAR *next;
      if (!parse_insert(p + 1, &number, &sp, &next)) return ERROR_INVALID_PARAMETER;
      if (ignore) {
        while (p < next) put(o, *p++);
        continue;
      }
      if (!have_args) return ERROR_INVALID_PARAMETER;
      if (number + slots(&sp) - 1 > a->n) return ERROR_INVALID_PARAMETER;
      format_insert(o, &sp, a, number, ansi);
      p = next;
      continue;
    }
    p += 2;
    switch (d) {
    case 'n': put(o, 0xFFFF); break;
    case 'r': put(o, '\r'); break;
    case 't': put(o, '\t'); break;
    case '%': if (ignore) put(o, '%'); put(o, '%'); break;
    default: put(o, d); break; /* "%.", "%!", "% " and any other character: itself */
    }
  }
  return o->failed ? ERROR_NOT_ENOUGH_MEMORY : 0;
}

/* Turns the hard-break marks into CRLFs, wrapping at width (1..254). */
static void finish(struct out *o, int width) {
  struct out r = { 0 };
  size_t line = 0;      /* characters on the current output line */
  size_t last_space = 0; /* index in r.s of the current line's last space + 1, 0 for none */
  for (size_t i = 0; i < o->len; i++) {
    WCHAR c = o->s[i];
    if (c == 0xFFFF) { put(&r, '\r'); put(&r, '\n'); line = 0; last_space = 0; continue; }
    if (c == '\n' && r.len && r.s[r.len - 1] == '\r') { put(&r, c); line = 0; last_space = 0; continue; }
    if (width > 0 && width < 255 && line >= (size_t)width) {
      if (c == ' ') { put(&r, '\r'); put(&r, '\n'); line = 0; last_space = 0; continue; }
      if (last_space) {
        /* Break at the last space: it becomes the CRLF, what followed it starts the new line. */
        size_t at = last_space - 1, tail = r.len - at - 1;
        put(&r, 0);
        if (r.failed) break;
        memmove(r.s + at + 2, r.s + at + 1, tail * sizeof(WCHAR));
        r.s[at] = '\r';
        r.s[at + 1] = '\n';
        r.len = at + 2 + tail;
        line = tail;
      } else {
        put(&r, '\r');
        put(&r, '\n');
        line = 0;
      }
      last_space = 0;
    }
    put(&r, c);
    line++;
    if (c == ' ') last_space = r.len;
  }
  free(o->s);
  *o = r;
}

static const char *system_text(DWORD id) {
  if ((id & 0xFFFF0000u) == 0x80070000u) id &= 0xFFFF; /* HRESULT_FROM_WIN32 */
  unsigned lo = 0, hi = __ntwasm_message_count;
  while (lo < hi) {
    unsigned mid = (lo + hi) / 2;
    if (__ntwasm_messages[mid].code == id) return __ntwasm_messages[mid].text;
    if (__ntwasm_messages[mid].code < id) lo = mid + 1; else hi = mid;
  }
  return NULL;
}

/* The message as UTF-16 (malloc'd), or 0 and an error. */
static DWORD source(DWORD flags, LPCVOID lpSource, DWORD id, DWORD lang, int ansi, WCHAR **msg) {
  *msg = NULL;
  if (flags & FORMAT_MESSAGE_FROM_STRING) {
    if (!lpSource) return ERROR_INVALID_PARAMETER;
    struct out o = { 0 };
    if (ansi) put_utf8(&o, (const char *)lpSource, -1);
    else for (const WCHAR *p = lpSource; *p; p++) put(&o, *p);
    put(&o, 0);
    if (o.failed) { free(o.s); return ERROR_NOT_ENOUGH_MEMORY; }
    *msg = o.s;
    return 0;
  }
  if (!(flags & (FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_FROM_HMODULE))) return ERROR_INVALID_PARAMETER;
  if (!(flags & FORMAT_MESSAGE_FROM_SYSTEM)) return ERROR_RESOURCE_TYPE_NOT_FOUND; /* no module has a message table */
  WORD primary = PRIMARYLANGID(LANGIDFROMLCID(lang));
  if (primary != LANG_NEUTRAL && primary != LANG_ENGLISH) return ERROR_RESOURCE_LANG_NOT_FOUND;
  const char *text = system_text(id);
  if (!text) return ERROR_MR_MID_NOT_FOUND;
  struct out o = { 0 };
  put_utf8(&o, text, -1);
  put(&o, '\r');
  put(&o, '\n');
  put(&o, 0);
  if (o.failed) { free(o.s); return ERROR_NOT_ENOUGH_MEMORY; }
  *msg = o.s;
  return 0;
}

/* The highest slot the message's inserts use. */
static int slots_needed(const WCHAR *msg) {
  int most = 0;
  for (const WCHAR *p = msg; *p; p++) {
    if (*p != '%' || !p[1]) continue;
    if (p[1] >= '1' && p[1] <= '9') {
      int number;
      struct spec sp;
      const WCHAR *next;
      if (!parse_insert(p + 1, &number, &sp, &next)) break;
      int last = number + slots(&sp) - 1;
      if (last > most) most = last;
      p = next - 1;
    } else {
      p++;
    }
  }
  return most > MAX_INSERT + 3 ? MAX_INSERT + 3 : most;
}

/* Both forms: the formatted text as UTF-16 in *result (malloc'd), or 0 with the error. */
static DWORD run(DWORD flags, LPCVOID lpSource, DWORD id, DWORD lang, va_list *Arguments, int ansi, struct out *result) {
  WCHAR *msg;
  DWORD e = source(flags, lpSource, id, lang, ansi, &msg);
  if (e) return e;
  struct args a;
  a.n = 0;
  int have_args = Arguments != NULL;
  if (have_args && !(flags & FORMAT_MESSAGE_IGNORE_INSERTS)) {
    a.n = slots_needed(msg);
    if (flags & FORMAT_MESSAGE_ARGUMENT_ARRAY) {
      const DWORD_PTR *arr = (const DWORD_PTR *)Arguments;
      for (int i = 1; i <= a.n; i++) a.v[i] = arr[i - 1];
    } else {
      va_list ap;
      va_copy(ap, *Arguments);
      for (int i = 1; i <= a.n; i++) a.v[i] = va_arg(ap, DWORD_PTR);
      va_end(ap);
    }
  }
  struct out o = { 0 };
  e = format(msg, flags, &a, have_args, ansi, &o);
  free(msg);
  if (e) { free(o.s); return e; }
  finish(&o, (int)(flags & FORMAT_MESSAGE_MAX_WIDTH_MASK));
  put(&o, 0);
  if (o.failed) { free(o.s); return ERROR_NOT_ENOUGH_MEMORY; }
  o.len--;
  *result = o;
  return 0;
}

DWORD WINAPI FormatMessageW(DWORD dwFlags, LPCVOID lpSource, DWORD dwMessageId, DWORD dwLanguageId, LPWSTR lpBuffer,
                            DWORD nSize, va_list *Arguments) {
  if (!lpBuffer) { SetLastError(ERROR_INVALID_PARAMETER); return 0; }
  if (dwFlags & FORMAT_MESSAGE_ALLOCATE_BUFFER) *(LPWSTR *)lpBuffer = NULL;
  struct out o;
  DWORD e = run(dwFlags, lpSource, dwMessageId, dwLanguageId, Arguments, 0, &o);
  if (e) { SetLastError(e); return 0; }
  DWORD n = (DWORD)o.len;
  if (dwFlags & FORMAT_MESSAGE_ALLOCATE_BUFFER) {
    DWORD size = n + 1 > nSize ? n + 1 : nSize;
    LPWSTR buf = LocalAlloc(LMEM_FIXED, size * sizeof(WCHAR));
    if (!buf) { free(o.s); SetLastError(ERROR_NOT_ENOUGH_MEMORY); return 0; }
    memcpy(buf, o.s, (n + 1) * sizeof(WCHAR));
    *(LPWSTR *)lpBuffer = buf;
  } else {
    if (n + 1 > nSize) { free(o.s); SetLastError(ERROR_INSUFFICIENT_BUFFER); return 0; }
    memcpy(lpBuffer, o.s, (n + 1) * sizeof(WCHAR));
  }
  free(o.s);
  return n;
}

DWORD WINAPI FormatMessageA(DWORD dwFlags, LPCVOID lpSource, DWORD dwMessageId, DWORD dwLanguageId, LPSTR lpBuffer,
                            DWORD nSize, va_list *Arguments) {
  if (!lpBuffer) { SetLastError(ERROR_INVALID_PARAMETER); return 0; }
  if (dwFlags & FORMAT_MESSAGE_ALLOCATE_BUFFER) *(LPSTR *)lpBuffer = NULL;
  struct out o;
  DWORD e = run(dwFlags, lpSource, dwMessageId, dwLanguageId, Arguments, 1, &o);
  if (e) { SetLastError(e); return 0; }
  int n = WideCharToMultiByte(CP_UTF8, 0, o.s, (int)o.len + 1, NULL, 0, NULL, NULL); /* with the NUL */
  if (dwFlags & FORMAT_MESSAGE_ALLOCATE_BUFFER) {
    DWORD size = (DWORD)n > nSize ? (DWORD)n : nSize;
    LPSTR buf = LocalAlloc(LMEM_FIXED, size);
    if (!buf) { free(o.s); SetLastError(ERROR_NOT_ENOUGH_MEMORY); return 0; }
    WideCharToMultiByte(CP_UTF8, 0, o.s, (int)o.len + 1, buf, n, NULL, NULL);
    *(LPSTR *)lpBuffer = buf;
  } else {
    if ((DWORD)n > nSize) { free(o.s); SetLastError(ERROR_INSUFFICIENT_BUFFER); return 0; }
    WideCharToMultiByte(CP_UTF8, 0, o.s, (int)o.len + 1, lpBuffer, n, NULL, NULL);
  }
  free(o.s);
  return (DWORD)n - 1;
}
