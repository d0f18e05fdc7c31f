/* <crtdbg.h>'s _ASSERT/_ASSERTE failure (with _DEBUG): msvcrt's assert message, then abort(). */
#include <crtdbg.h>
#include <stdio.h>
#include <stdlib.h>

void __cdecl __ntwasm_assert_failed(const char *expr, const char *file, int line) {
  fprintf(stderr, "Assertion failed: %s, file %s, line %d\n", expr, file, line);
  fflush(stderr);
  abort();
}
