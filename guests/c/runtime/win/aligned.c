/*
 * <malloc.h>'s aligned blocks: _aligned_malloc, _aligned_realloc, _aligned_recalloc, _aligned_free,
 * _aligned_msize. A block is an aligned_alloc block (free() frees it too); the alignment must be a
 * power of two (EINVAL otherwise, as MSVC's). _aligned_realloc moves the block to a new aligned one,
 * since realloc keeps only malloc's own alignment.
 */
#include <malloc.h>
#include <errno.h>
#include <stdint.h>
#include <string.h>

static int bad_alignment(size_t a) { return a == 0 || (a & (a - 1)) != 0; }

void *__cdecl _aligned_malloc(size_t size, size_t alignment) {
  if (bad_alignment(alignment)) { errno = EINVAL; return NULL; }
  if (alignment < sizeof(void *)) alignment = sizeof(void *);
  void *p = NULL;
  int e = posix_memalign(&p, alignment, size ? size : 1);
  if (e) { errno = e; return NULL; }
  return p;
}

void __cdecl _aligned_free(void *block) { free(block); }

size_t __cdecl _aligned_msize(void *block, size_t alignment, size_t offset) {
  (void)offset;
  if (!block || bad_alignment(alignment)) { errno = EINVAL; return (size_t)-1; }
  return malloc_usable_size(block);
}

void *__cdecl _aligned_realloc(void *block, size_t size, size_t alignment) {
  if (!block) return _aligned_malloc(size, alignment);
  if (bad_alignment(alignment)) { errno = EINVAL; return NULL; }
  if (!size) { free(block); return NULL; }
  void *p = _aligned_malloc(size, alignment);
  if (!p) return NULL; /* the old block stays */
  size_t old = malloc_usable_size(block);
  memcpy(p, block, old < size ? old : size);
  free(block);
  return p;
}

void *__cdecl _aligned_recalloc(void *block, size_t count, size_t size, size_t alignment) {
  if (size && count > SIZE_MAX / size) { errno = ENOMEM; return NULL; }
  size_t n = count * size, old = block ? malloc_usable_size(block) : 0;
  void *p = _aligned_realloc(block, n, alignment);
  if (p && n > old) memset((char *)p + old, 0, n - old);
  return p;
}
