/*
 * rand and srand as msvcrt has them: RAND_MAX is 0x7FFF, the generator is
 * seed = seed * 214013 + 2531011, rand() = (seed >> 16) & 0x7FFF, and every thread has its own seed,
 * starting at 1 (srand in one thread does not change another's sequence). No lock.
 * rand_s (with _CRT_RAND_S) takes its numbers from WASI's random_get.
 */
#define _CRT_RAND_S
#include <stdlib.h>
#include <errno.h>
#include <unistd.h>

static _Thread_local unsigned seed = 1;

void srand(unsigned s) { seed = s; }

int rand(void) {
  seed = seed * 214013u + 2531011u;
  return (int)((seed >> 16) & 0x7fff);
}

errno_t rand_s(unsigned *value) {
  if (!value) { errno = EINVAL; return EINVAL; }
  if (getentropy(value, sizeof *value)) { *value = 0; errno = ENOMEM; return ENOMEM; }
  return 0;
}
