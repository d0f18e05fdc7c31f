/*
 * Small MSVC <stdlib.h> extras: _get_errno/_set_errno (the calling thread's errno), the byte swaps
 * and _abs64.
 */
#include <stdlib.h>
#include <errno.h>

errno_t _get_errno(int *value) {
  if (!value) { errno = EINVAL; return EINVAL; }
  *value = errno;
  return 0;
}

errno_t _set_errno(int value) {
  errno = value;
  return 0;
}

unsigned short _byteswap_ushort(unsigned short v) { return __builtin_bswap16(v); }
unsigned long _byteswap_ulong(unsigned long v) { return __builtin_bswap32(v); }
unsigned long long _byteswap_uint64(unsigned long long v) { return __builtin_bswap64(v); }
long long _abs64(long long v) { return v < 0 ? -v : v; }
