/*
 * WASI preview1 as ntwasm serves it: arguments, environment, clocks, random bytes, sleeping, the
 * preopened C:\ directory ("/"), and exit codes through proc_exit. Prints what it saw, one fact a line.
 */
#include <windows.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv) {
  printf("argc %d\n", argc);
  for (int i = 0; i < argc; i++) printf("argv[%d] %s\n", i, argv[i]);
  const char *v = getenv("NTWASM_TEST");
  printf("env NTWASM_TEST %s\n", v ? v : "(unset)");
  struct timespec a, b, real;
  clock_gettime(CLOCK_MONOTONIC, &a);
  struct timespec pause = { 0, 20 * 1000 * 1000 };
  int slept = nanosleep(&pause, NULL);
  clock_gettime(CLOCK_MONOTONIC, &b);
  clock_gettime(CLOCK_REALTIME, &real);
  long long ns = (b.tv_sec - a.tv_sec) * 1000000000LL + (b.tv_nsec - a.tv_nsec);
  printf("nanosleep %d, monotonic advanced %s\n", slept, ns >= 20000000LL ? "at least 20 ms" : "too little");
  printf("realtime after 2024: %s\n", real.tv_sec > 1704067200 ? "yes" : "no");
  unsigned char bytes[64] = {0};
  int r = getentropy(bytes, sizeof bytes);
  int nonzero = 0;
  for (size_t i = 0; i < sizeof bytes; i++) nonzero += bytes[i] != 0;
  printf("getentropy %d, %s\n", r, nonzero > 32 ? "random" : "suspicious");
  errno = 0;
  FILE *f = fopen("/nothing/here.txt", "r");
  printf("fopen %s, errno %s\n", f ? "opened" : "failed", errno ? "set" : "0");
  fprintf(stderr, "to stderr\n");
  if (argc > 1 && !strcmp(argv[1], "exit")) exit(argc > 2 ? atoi(argv[2]) : 1);
  return 0;
}
