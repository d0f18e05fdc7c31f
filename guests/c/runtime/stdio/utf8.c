/*
 * UTF-8 decoding for the stdio functions: printf's narrow strings in wide output and the wide input
 * functions. Invalid input becomes U+FFFD, one for each maximal invalid piece (MultiByteToWideChar's
 * rule). Encoded surrogates (ED A0..BF xx, CESU-8) decode to the surrogate unit itself: the wide
 * input functions push the low half of a character outside the BMP back into the FILE that way.
 */
#include "stdio_internal.h"

size_t __ntwasm_utf8_decode(const unsigned char *s, size_t n, unsigned *cp) {
  unsigned b = s[0];
  if (b < 0x80) { *cp = b; return 1; }
  *cp = 0xfffd;
  if (b < 0xc2 || b > 0xf4) return 1;
  size_t len = b < 0xe0 ? 2 : b < 0xf0 ? 3 : 4;
  unsigned lo = b == 0xe0 ? 0xa0 : b == 0xf0 ? 0x90 : 0x80;
  unsigned hi = b == 0xf4 ? 0x8f : 0xbf;
  unsigned v = b & (0x7fu >> len);
  for (size_t i = 1; i < len; i++) {
    if (i >= n || s[i] < (i == 1 ? lo : 0x80) || s[i] > (i == 1 ? hi : 0xbf)) return i;
    v = v << 6 | (s[i] & 0x3f);
  }
  *cp = v;
  return len;
}
