/*
 * Files through plain libc, as ntwasm's WASI serves them over the file layer: the preopened "/" (C:\),
 * stdio and POSIX calls, directories, errno, descriptors shared by threads, and standard handles that
 * are files or pipes. Prints one fact a line; test/wasi-files.test.ts checks them and the disk.
 *
 *   wasi-files.wasm          the file checks, in C:\wf
 *   wasi-files.wasm child    prints to stdout and stderr, echoes stdin, exits with 3
 *   wasi-files.wasm parent   runs "wasi-files.wasm child" with pipes (and then a file) as its std handles
 */
#include <windows.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *ename(int e) {
  switch (e) {
    case 0: return "0";
    case EEXIST: return "EEXIST";
    case ENOENT: return "ENOENT";
    case EBADF: return "EBADF";
    case EISDIR: return "EISDIR";
    case ENOTDIR: return "ENOTDIR";
    case ENOTEMPTY: return "ENOTEMPTY";
    case EINVAL: return "EINVAL";
    case EACCES: return "EACCES";
    default: return "other";
  }
}

/* "what: result" with errno's name when it failed. */
static void said(const char *what, long r) {
  if (r < 0) printf("%s: -1 %s\n", what, ename(errno));
  else printf("%s: %ld\n", what, r);
}

static long size_of(const char *path) {
  struct stat st;
  if (stat(path, &st) != 0) return -1;
  return (long)st.st_size;
}

static int cmp(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* The names in `path` but "." and "..", sorted, with a '/' after directories. */
static void list(const char *path) {
  DIR *d = opendir(path);
  if (!d) { printf("opendir %s: %s\n", path, ename(errno)); return; }
  char *names[64];
  int n = 0;
  struct dirent *e;
  while ((e = readdir(d)) && n < 64) {
    if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
    names[n] = malloc(strlen(e->d_name) + 2);
    sprintf(names[n++], "%s%s", e->d_name, e->d_type == DT_DIR ? "/" : "");
  }
  closedir(d);
  qsort(names, n, sizeof names[0], cmp);
  printf("ls %s:", path);
  for (int i = 0; i < n; i++) { printf(" %s", names[i]); free(names[i]); }
  printf("\n");
}

static int shared_fd;

static DWORD WINAPI writer(LPVOID param) {
  (void)param;
  /* a descriptor the main thread opened, used from another worker */
  const char *text = "from a thread\n";
  return write(shared_fd, text, strlen(text)) == (ssize_t)strlen(text) ? 0 : 1;
}

static int files(void) {
  char buf[128];
  char cwd[64];
  printf("cwd %s\n", getcwd(cwd, sizeof cwd) ? cwd : "(none)");
  said("mkdir wf", mkdir("wf", 0777));
  said("mkdir wf again", mkdir("wf", 0777));

  /* stdio */
  FILE *f = fopen("wf/a.txt", "w");
  printf("fopen w: %s\n", f ? "ok" : ename(errno));
  fprintf(f, "hello %d\n", 42);
  fputs("second line\n", f);
  printf("ftell after writing: %ld\n", ftell(f));
  fclose(f);
  f = fopen("/wf/a.txt", "r");
  while (fgets(buf, sizeof buf, f)) printf("read line: %s", buf);
  fseek(f, 6, SEEK_SET);
  size_t got = fread(buf, 1, 2, f);
  printf("fseek 6, fread %zu: %.2s, ftell %ld\n", got, buf, ftell(f));
  fseek(f, -5, SEEK_END);
  got = fread(buf, 1, sizeof buf, f);
  printf("fseek -5 from the end, fread %zu: %.4s\n", got, buf);
  fclose(f);
  errno = 0;
  printf("fopen wx existing: %s %s\n", fopen("wf/a.txt", "wx") ? "opened" : "NULL", ename(errno));
  errno = 0;
  printf("fopen r missing: %s %s\n", fopen("wf/missing.txt", "r") ? "opened" : "NULL", ename(errno));
  f = fopen("wf/a.txt", "a");
  fputs("appended\n", f);
  fclose(f);
  printf("size after append: %ld\n", size_of("wf/a.txt"));

  /* POSIX descriptors */
  int fd = open("wf/b.bin", O_CREAT | O_EXCL | O_WRONLY, 0644);
  printf("open O_EXCL new: %s\n", fd > 3 ? "fd > 3" : ename(errno));
  said("write", write(fd, "0123456789", 10));
  said("lseek cur", lseek(fd, 0, SEEK_CUR));
  said("lseek set 2", lseek(fd, 2, SEEK_SET));
  said("write ab", write(fd, "ab", 2));
  said("close", close(fd));
  said("close again", close(fd));
  said("open O_EXCL existing", open("wf/b.bin", O_CREAT | O_EXCL | O_WRONLY, 0644));
  said("open missing", open("wf/missing.txt", O_RDONLY));
  said("open in a missing directory", open("nodir/x.txt", O_RDONLY));
  said("open a file as a directory", open("wf/b.bin", O_RDONLY | O_DIRECTORY));
  said("open a directory for writing", open("wf", O_WRONLY));
  fd = open("wf/b.bin", O_RDONLY);
  ssize_t n = read(fd, buf, sizeof buf);
  printf("read %zd: %.*s\n", n, (int)(n > 0 ? n : 0), buf);
  said("read at the end", read(fd, buf, sizeof buf));
  said("lseek end -3", lseek(fd, -3, SEEK_END));
  n = read(fd, buf, sizeof buf);
  printf("read %zd: %.*s\n", n, (int)(n > 0 ? n : 0), buf);
  n = pread(fd, buf, 4, 2);
  printf("pread 4 at 2: %zd %.4s, position still %ld\n", n, buf, (long)lseek(fd, 0, SEEK_CUR));
  said("write to a read-only fd", write(fd, "x", 1));
  said("lseek before the start", lseek(fd, -100, SEEK_SET));
  struct stat st;
  fstat(fd, &st);
  printf("fstat: regular %d, size %ld\n", S_ISREG(st.st_mode), (long)st.st_size);
  close(fd);
  fd = open("wf/b.bin", O_WRONLY | O_APPEND);
  lseek(fd, 0, SEEK_SET);
  said("write O_APPEND", write(fd, "XY", 2));
  close(fd);
  fd = open("wf/b.bin", O_RDONLY);
  n = read(fd, buf, sizeof buf);
  printf("after append %zd: %.*s\n", n, (int)(n > 0 ? n : 0), buf);
  close(fd);
  fd = open("wf/b.bin", O_RDWR | O_TRUNC);
  printf("size after O_TRUNC: %ld\n", size_of("wf/b.bin"));
  said("ftruncate 5", ftruncate(fd, 5));
  printf("size after ftruncate: %ld\n", size_of("wf/b.bin"));
  n = read(fd, buf, sizeof buf);
  printf("read after ftruncate: %zd, zeros %d\n", n, n == 5 && !buf[0] && !buf[4]);
  close(fd);

  /* one descriptor, two threads (each runs in its own worker) */
  shared_fd = open("wf/threads.txt", O_CREAT | O_WRONLY | O_TRUNC, 0644);
  write(shared_fd, "from main\n", 10);
  HANDLE t = CreateThread(NULL, 0, writer, NULL, 0, NULL);
  WaitForSingleObject(t, INFINITE);
  DWORD code = 9;
  GetExitCodeThread(t, &code);
  CloseHandle(t);
  close(shared_fd);
  printf("thread wrote through main's fd: %lu, size %ld\n", code, size_of("wf/threads.txt"));

  /* stat, directories, rename, unlink */
  said("mkdir wf/sub", mkdir("wf/sub", 0777));
  said("mkdir in a missing directory", mkdir("nodir/sub", 0777));
  stat("wf", &st);
  printf("stat wf: directory %d\n", S_ISDIR(st.st_mode));
  stat("wf/a.txt", &st);
  printf("stat wf/a.txt: regular %d, size %ld\n", S_ISREG(st.st_mode), (long)st.st_size);
  said("stat missing", stat("wf/nope", &st));
  said("stat a file as a directory", stat("wf/a.txt/", &st));
  list("wf");
  said("rename a.txt c.txt", rename("wf/a.txt", "wf/c.txt"));
  said("stat a.txt", stat("wf/a.txt", &st));
  said("rename over an existing file", rename("wf/c.txt", "/wf/b.bin"));
  printf("size of b.bin: %ld\n", size_of("wf/b.bin"));
  said("rename missing", rename("wf/c.txt", "wf/d.txt"));
  list("wf");
  said("unlink b.bin", unlink("wf/b.bin"));
  said("unlink b.bin again", unlink("wf/b.bin"));
  said("unlink a directory", unlink("wf/sub"));
  said("rmdir a non-empty directory", rmdir("wf"));
  said("rmdir a file", rmdir("wf/threads.txt"));
  said("rmdir wf/sub", rmdir("wf/sub"));
  said("remove threads.txt", remove("wf/threads.txt"));
  list("wf");

  /* a listing longer than libc's readdir buffer (it reads on from the last entry's cookie) */
  mkdir("wf/many", 0777);
  for (int i = 0; i < 150; i++) {
    sprintf(buf, "wf/many/file-with-a-longish-name-%03d.txt", i);
    close(open(buf, O_CREAT | O_WRONLY, 0644));
  }
  DIR *d = opendir("wf/many");
  int entries = 0, dots = 0, sum = 0;
  struct dirent *e;
  while ((e = readdir(d))) {
    int k;
    if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) dots++;
    else if (sscanf(e->d_name, "file-with-a-longish-name-%03d.txt", &k) == 1) { entries++; sum += k; }
  }
  closedir(d);
  printf("readdir of 150 files: %d entries (sum %d), %d dot entries\n", entries, sum, dots);
  for (int i = 0; i < 150; i++) {
    sprintf(buf, "wf/many/file-with-a-longish-name-%03d.txt", i);
    unlink(buf);
  }
  said("rmdir wf/many", rmdir("wf/many"));

  /* ".." stops at the root: C:\ is "/" */
  f = fopen("../../wf/../../escape.txt", "w");
  printf("fopen ../../wf/../../escape.txt: %s\n", f ? "ok" : ename(errno));
  if (f) fclose(f);
  printf("it is /escape.txt: %s\n", size_of("/escape.txt") == 0 ? "yes" : "no");
  said("unlink /escape.txt", unlink("/escape.txt"));

  /* fd 1 follows SetStdHandle: printf into a file, then the console again */
  HANDLE out = CreateFileW(L"wf\\redirected.txt", GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
  HANDLE console = GetStdHandle(STD_OUTPUT_HANDLE);
  fflush(stdout);
  SetStdHandle(STD_OUTPUT_HANDLE, out);
  printf("printf while stdout is a file\n");
  fflush(stdout);
  SetStdHandle(STD_OUTPUT_HANDLE, console);
  CloseHandle(out);
  f = fopen("wf/redirected.txt", "r");
  printf("the file holds: %s", fgets(buf, sizeof buf, f) ? buf : "nothing\n");
  fclose(f);

  f = fopen("wf/keep.txt", "w");
  fputs("kept for the host\n", f);
  fclose(f);
  list("/wf");
  list("/");
  printf("done\n");
  return 0;
}

static int child(void) {
  char line[256];
  printf("child: to stdout\n");
  fprintf(stderr, "child: to stderr\n");
  while (fgets(line, sizeof line, stdin)) printf("child got: %s", line);
  printf("child: end of input\n");
  return 3;
}

/* Runs "wasi-files.wasm child" with `in` and `out` as its std handles; its exit code. */
static DWORD run_child(HANDLE in, HANDLE out) {
  STARTUPINFOW si;
  memset(&si, 0, sizeof si);
  si.cb = sizeof si;
  si.dwFlags = STARTF_USESTDHANDLES;
  si.hStdInput = in;
  si.hStdOutput = out;
  si.hStdError = out;
  PROCESS_INFORMATION pi;
  WCHAR cmd[] = L"wasi-files.wasm child";
  if (!CreateProcessW(NULL, cmd, NULL, NULL, TRUE, 0, NULL, NULL, &si, &pi)) {
    printf("CreateProcessW failed: %lu\n", GetLastError());
    return 99;
  }
  CloseHandle(pi.hThread);
  WaitForSingleObject(pi.hProcess, INFINITE);
  DWORD code = 0;
  GetExitCodeProcess(pi.hProcess, &code);
  CloseHandle(pi.hProcess);
  return code;
}

static int parent(void) {
  SECURITY_ATTRIBUTES sa = { sizeof sa, NULL, TRUE };
  HANDLE outRead, outWrite, inRead, inWrite;
  if (!CreatePipe(&outRead, &outWrite, &sa, 0) || !CreatePipe(&inRead, &inWrite, &sa, 0)) { printf("CreatePipe failed\n"); return 1; }
  SetHandleInformation(outRead, HANDLE_FLAG_INHERIT, 0);
  SetHandleInformation(inWrite, HANDLE_FLAG_INHERIT, 0);
  DWORD n;
  const char *input = "line one\nline two\n";
  WriteFile(inWrite, input, (DWORD)strlen(input), &n, NULL);
  CloseHandle(inWrite); /* the child's stdin ends after the two lines */

  /* the child runs while the parent reads: the pipe's buffer need not hold everything */
  STARTUPINFOW si;
  memset(&si, 0, sizeof si);
  si.cb = sizeof si;
  si.dwFlags = STARTF_USESTDHANDLES;
  si.hStdInput = inRead;
  si.hStdOutput = outWrite;
  si.hStdError = outWrite;
  PROCESS_INFORMATION pi;
  WCHAR cmd[] = L"wasi-files.wasm child";
  if (!CreateProcessW(NULL, cmd, NULL, NULL, TRUE, 0, NULL, NULL, &si, &pi)) { printf("CreateProcessW failed: %lu\n", GetLastError()); return 1; }
  CloseHandle(outWrite);
  CloseHandle(inRead);
  char all[1024];
  DWORD total = 0;
  while (total < sizeof all - 1 && ReadFile(outRead, all + total, (DWORD)(sizeof all - 1 - total), &n, NULL)) total += n;
  all[total] = 0;
  printf("parent: ReadFile ended with %s\n", GetLastError() == ERROR_BROKEN_PIPE ? "ERROR_BROKEN_PIPE" : "another error");
  printf("parent read:\n%s", all);
  WaitForSingleObject(pi.hProcess, INFINITE);
  DWORD code = 0;
  GetExitCodeProcess(pi.hProcess, &code);
  printf("parent: child exit code %lu\n", code);
  CloseHandle(pi.hProcess);
  CloseHandle(pi.hThread);
  CloseHandle(outRead);

  /* a file as the child's stdout and stderr, NUL-like empty input */
  HANDLE file = CreateFileW(L"child-out.txt", GENERIC_WRITE, FILE_SHARE_READ, &sa, CREATE_ALWAYS, 0, NULL);
  if (!CreatePipe(&inRead, &inWrite, &sa, 0)) return 1;
  CloseHandle(inWrite);
  code = run_child(inRead, file);
  CloseHandle(inRead);
  CloseHandle(file);
  printf("parent: child with a file for stdout exited with %lu\n", code);
  return 0;
}

int main(int argc, char **argv) {
  if (argc > 1 && !strcmp(argv[1], "child")) return child();
  if (argc > 1 && !strcmp(argv[1], "parent")) return parent();
  return files();
}
