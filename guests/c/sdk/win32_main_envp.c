/*
 * The three-argument main of Windows and Unix programs: argc, argv and envp (the environment as
 * NAME=value strings, NULL-terminated). The exit code is main's return value. Expected output
 * confirmed with mingw-w64 + Wine 8.0.
 */
#include <stdio.h>
#include <string.h>
#include <stdlib.h>

int main(int argc, char *argv[], char *envp[]) {
  int has_path = 0;
  for (char **e = envp; *e; e++) if (_strnicmp(*e, "PATH=", 5) == 0) has_path = 1;
  printf("argc %d\n", argc);
  for (int i = 1; i < argc; i++) printf("argv[%d] [%s]\n", i, argv[i]);
  printf("envp has PATH: %s\n", has_path ? "yes" : "no");
  printf("getenv agrees: %s\n", getenv("PATH") ? "yes" : "no");
  return argc + 40;
}
