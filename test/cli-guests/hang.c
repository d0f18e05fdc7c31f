/* Waits that end, or that only the user can end, are no deadlock: `t` sleeps 2.5 s, `r` reads stdin
   (input may come); with no argument it sleeps alertably forever, which nothing can end. */
#include <windows.h>
#include <stdio.h>
int main(int argc, char **argv) {
  if (argc > 1 && argv[1][0] == 'r') { char buf[16]; DWORD n; ReadFile(GetStdHandle(STD_INPUT_HANDLE), buf, sizeof buf, &n, NULL); printf("read %lu\n", (unsigned long)n); return 0; }
  if (argc > 1 && argv[1][0] == 't') { printf("sleeping\n"); fflush(stdout); Sleep(2500); printf("slept\n"); return 0; }
  SleepEx(INFINITE, TRUE);
  return 0;
}
