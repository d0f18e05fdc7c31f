/*
 * ntwasm: <fcntl.h>: wasi-libc's (open() and its O_* flags are POSIX's, with wasi-libc's values),
 * plus MSVC's _O_* flags with MSVC's values, for _open, _setmode and _fdopen-style code (<io.h>).
 * MSVC's POSIX-style O_TEXT, O_BINARY and O_RAW get values of their own that do not collide with
 * wasi-libc's flags: _open and _setmode accept them, and open() ignores them.
 */
#include_next <fcntl.h>

#ifndef NTWASM_LIBC_FCNTL_H
#define NTWASM_LIBC_FCNTL_H
#define _INC_FCNTL

#define _O_RDONLY 0x0000
#define _O_WRONLY 0x0001
#define _O_RDWR 0x0002
#define _O_APPEND 0x0008
#define _O_RANDOM 0x0010
#define _O_SEQUENTIAL 0x0020
#define _O_TEMPORARY 0x0040
#define _O_NOINHERIT 0x0080
#define _O_CREAT 0x0100
#define _O_TRUNC 0x0200
#define _O_EXCL 0x0400
#define _O_SHORT_LIVED 0x1000
#define _O_OBTAIN_DIR 0x2000
#define _O_TEXT 0x4000
#define _O_BINARY 0x8000
#define _O_RAW _O_BINARY
#define _O_WTEXT 0x10000
#define _O_U16TEXT 0x20000
#define _O_U8TEXT 0x40000
#define _O_ACCMODE (_O_RDONLY | _O_WRONLY | _O_RDWR)

#ifndef O_BINARY
#define O_BINARY 0x20000000
#endif
#ifndef O_RAW
#define O_RAW O_BINARY
#endif
#ifndef O_TEXT
#define O_TEXT 0x40000000
#endif

#endif
