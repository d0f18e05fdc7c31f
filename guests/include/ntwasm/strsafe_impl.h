/*
 * The body of <strsafe.h>, written once for both character types: strsafe.h includes this file
 * twice, with SS_CH = char / wchar_t, SS_(name) = nameA / nameW and SS_VSNPRINTF = _vsnprintf /
 * _vsnwprintf. Not a header to include on its own (no include guard on purpose).
 *
 * The rules follow the Windows SDK's strsafe.h: a destination of 0 or more than STRSAFE_MAX_CCH
 * characters is STRSAFE_E_INVALID_PARAMETER (and not written); a result that does not fit is
 * truncated, always NUL-terminated, and STRSAFE_E_INSUFFICIENT_BUFFER; the Ex forms add the
 * STRSAFE_* flags and report the end of the result and the room left.
 */

/* ---- workers ---- */

static __inline HRESULT SS_(__ntwasm_ss_validate_dest)(const SS_CH *dest, size_t cch_dest) {
  (void)dest;
  return (cch_dest == 0 || cch_dest > STRSAFE_MAX_CCH) ? STRSAFE_E_INVALID_PARAMETER : S_OK;
}

/* Length of s within max characters; STRSAFE_E_INVALID_PARAMETER when there is no NUL in them. */
static __inline HRESULT SS_(__ntwasm_ss_length)(const SS_CH *s, size_t max, size_t *len) {
  size_t n = 0;
  while (n < max && s[n] != 0) n++;
  if (n == max) {
    if (len) *len = 0;
    return STRSAFE_E_INVALID_PARAMETER;
  }
  if (len) *len = n;
  return S_OK;
}

static __inline HRESULT SS_(__ntwasm_ss_validate_dest_and_length)(const SS_CH *dest, size_t cch_dest, size_t *len) {
  HRESULT hr = SS_(__ntwasm_ss_validate_dest)(dest, cch_dest);
  if (SUCCEEDED(hr)) return SS_(__ntwasm_ss_length)(dest, cch_dest, len);
  *len = 0;
  return hr;
}

/* Copies at most n characters of src into dest[cch_dest] (cch_dest > 0), always NUL-terminating. */
static __inline HRESULT SS_(__ntwasm_ss_copy)(SS_CH *dest, size_t cch_dest, size_t *copied, const SS_CH *src, size_t n) {
  size_t i = 0;
  HRESULT hr = S_OK;
  while (i < cch_dest && n && src[i] != 0) {
    dest[i] = src[i];
    i++;
    n--;
  }
  if (i == cch_dest) { /* no room for the NUL: truncate */
    i--;
    hr = STRSAFE_E_INSUFFICIENT_BUFFER;
  }
  dest[i] = 0;
  if (copied) *copied = i;
  return hr;
}

/* Formats into dest[cch_dest] (cch_dest > 0) with MSVC's _vsnprintf rules, always NUL-terminating. */
static __inline HRESULT SS_(__ntwasm_ss_vprintf)(SS_CH *dest, size_t cch_dest, size_t *written, const SS_CH *format, va_list args) {
  size_t max = cch_dest - 1;
  int n = SS_VSNPRINTF(dest, max, format, args);
  HRESULT hr = S_OK;
  size_t len;
  if (n < 0 || (size_t)n > max) {
    dest[max] = 0;
    len = max;
    hr = STRSAFE_E_INSUFFICIENT_BUFFER;
  } else {
    if ((size_t)n == max) dest[max] = 0;
    len = (size_t)n;
  }
  if (written) *written = len;
  return hr;
}

static __inline HRESULT SS_(__ntwasm_ss_ex_validate_dest)(const SS_CH *dest, size_t cch_dest, unsigned long flags) {
  if (flags & STRSAFE_IGNORE_NULLS) {
    return ((dest == NULL && cch_dest != 0) || cch_dest > STRSAFE_MAX_CCH) ? STRSAFE_E_INVALID_PARAMETER : S_OK;
  }
  return SS_(__ntwasm_ss_validate_dest)(dest, cch_dest);
}

static __inline HRESULT SS_(__ntwasm_ss_ex_validate_dest_and_length)(const SS_CH *dest, size_t cch_dest, size_t *len,
                                                                   unsigned long flags) {
  if (flags & STRSAFE_IGNORE_NULLS) {
    HRESULT hr = SS_(__ntwasm_ss_ex_validate_dest)(dest, cch_dest, flags);
    if (FAILED(hr) || cch_dest == 0) {
      *len = 0;
      return hr;
    }
    return SS_(__ntwasm_ss_length)(dest, cch_dest, len);
  }
  return SS_(__ntwasm_ss_validate_dest_and_length)(dest, cch_dest, len);
}

static __inline HRESULT SS_(__ntwasm_ss_ex_validate_src)(const SS_CH **src, size_t *n, unsigned long flags) {
  static const SS_CH empty[1] = {0};
  if (n && *n >= STRSAFE_MAX_CCH) return STRSAFE_E_INVALID_PARAMETER;
  if ((flags & STRSAFE_IGNORE_NULLS) && *src == NULL) {
    *src = empty;
    if (n) *n = 0;
  }
  return S_OK;
}

/* STRSAFE_FILL_BEHIND_NULL: fills what follows the terminating NUL. */
static __inline void SS_(__ntwasm_ss_fill_behind)(SS_CH *end, size_t cch_remaining, unsigned long flags) {
  if (cch_remaining > 1) memset(end + 1, STRSAFE_GET_FILL_PATTERN(flags), (cch_remaining - 1) * sizeof(SS_CH));
}

/* STRSAFE_NO_TRUNCATION, STRSAFE_FILL_ON_FAILURE, STRSAFE_NULL_ON_FAILURE after a failure. */
static __inline void SS_(__ntwasm_ss_on_failure)(SS_CH *dest, size_t cch_dest, size_t original_length, SS_CH **end,
                                               size_t *remaining, unsigned long flags) {
  if (cch_dest > 0 && (flags & STRSAFE_NO_TRUNCATION)) {
    *end = dest + original_length;
    *remaining = cch_dest - original_length;
    **end = 0;
  }
  if (flags & STRSAFE_FILL_ON_FAILURE) {
    memset(dest, STRSAFE_GET_FILL_PATTERN(flags), cch_dest * sizeof(SS_CH));
    if (STRSAFE_GET_FILL_PATTERN(flags) == 0) {
      *end = dest;
      *remaining = cch_dest;
    } else if (cch_dest > 0) {
      *end = dest + cch_dest - 1;
      **end = 0;
      *remaining = 1;
    }
  }
  if (cch_dest > 0 && (flags & STRSAFE_NULL_ON_FAILURE)) {
    *dest = 0;
    *end = dest;
    *remaining = cch_dest;
  }
}

#define SS_FAILURE_FLAGS (STRSAFE_NO_TRUNCATION | STRSAFE_FILL_ON_FAILURE | STRSAFE_NULL_ON_FAILURE)

/* Copy and CopyN (Ex), n = STRSAFE_MAX_LENGTH for a whole string. */

/* The end of every Ex call: the failure flags' effect on dest, then *dest_end and *remaining (when they may be set). */
static __inline HRESULT SS_(__ntwasm_ss_ex_finish)(HRESULT hr, SS_CH *dest, size_t cch_dest, size_t keep, SS_CH *end, size_t left,
                                                 unsigned long flags, SS_CH **dest_end, size_t *remaining) {
  if (FAILED(hr) && (flags & SS_FAILURE_FLAGS) && cch_dest != 0) SS_(__ntwasm_ss_on_failure)(dest, cch_dest, keep, &end, &left, flags);
  if (SUCCEEDED(hr) || hr == STRSAFE_E_INSUFFICIENT_BUFFER) {
    if (dest_end) *dest_end = end;
    if (remaining) *remaining = left;
  }
  return hr;
}
static __inline HRESULT SS_(__ntwasm_ss_copy_ex)(SS_CH *dest, size_t cch_dest, const SS_CH *src, size_t n, SS_CH **dest_end,
                                               size_t *remaining, unsigned long flags) {
  HRESULT hr = SS_(__ntwasm_ss_ex_validate_dest)(dest, cch_dest, flags);
  if (FAILED(hr)) return hr;
  SS_CH *end = dest;
  size_t left = cch_dest;
  hr = SS_(__ntwasm_ss_ex_validate_src)(&src, &n, flags);
  if (SUCCEEDED(hr)) {
    if (flags & ~STRSAFE_VALID_FLAGS) {
      hr = STRSAFE_E_INVALID_PARAMETER;
      if (cch_dest != 0) *dest = 0;
    } else if (cch_dest == 0) {
      if (n != 0 && *src != 0) hr = dest == NULL ? STRSAFE_E_INVALID_PARAMETER : STRSAFE_E_INSUFFICIENT_BUFFER;
    } else {
      size_t copied = 0;
      hr = SS_(__ntwasm_ss_copy)(dest, cch_dest, &copied, src, n);
      end = dest + copied;
      left = cch_dest - copied;
      if (SUCCEEDED(hr) && (flags & STRSAFE_FILL_BEHIND_NULL)) SS_(__ntwasm_ss_fill_behind)(end, left, flags);
    }
  } else if (cch_dest != 0) {
    *dest = 0;
  }
  return SS_(__ntwasm_ss_ex_finish)(hr, dest, cch_dest, 0, end, left, flags, dest_end, remaining);
}

/* Cat and CatN (Ex). */
static __inline HRESULT SS_(__ntwasm_ss_cat_ex)(SS_CH *dest, size_t cch_dest, const SS_CH *src, size_t n, SS_CH **dest_end,
                                              size_t *remaining, unsigned long flags) {
  size_t len;
  HRESULT hr = SS_(__ntwasm_ss_ex_validate_dest_and_length)(dest, cch_dest, &len, flags);
  if (FAILED(hr)) return hr;
  SS_CH *end = dest + len;
  size_t left = cch_dest - len;
  hr = SS_(__ntwasm_ss_ex_validate_src)(&src, &n, flags);
  if (SUCCEEDED(hr)) {
    if (flags & ~STRSAFE_VALID_FLAGS) {
      hr = STRSAFE_E_INVALID_PARAMETER;
    } else if (left <= 1) {
      if (n != 0 && *src != 0) hr = dest == NULL ? STRSAFE_E_INVALID_PARAMETER : STRSAFE_E_INSUFFICIENT_BUFFER;
    } else {
      size_t copied = 0;
      hr = SS_(__ntwasm_ss_copy)(end, left, &copied, src, n);
      end += copied;
      left -= copied;
      if (SUCCEEDED(hr) && (flags & STRSAFE_FILL_BEHIND_NULL)) SS_(__ntwasm_ss_fill_behind)(end, left, flags);
    }
  }
  return SS_(__ntwasm_ss_ex_finish)(hr, dest, cch_dest, len, end, left, flags, dest_end, remaining);
}

static __inline HRESULT SS_(__ntwasm_ss_vprintf_ex)(SS_CH *dest, size_t cch_dest, SS_CH **dest_end, size_t *remaining,
                                                  unsigned long flags, const SS_CH *format, va_list args) {
  HRESULT hr = SS_(__ntwasm_ss_ex_validate_dest)(dest, cch_dest, flags);
  if (FAILED(hr)) return hr;
  SS_CH *end = dest;
  size_t left = cch_dest;
  hr = SS_(__ntwasm_ss_ex_validate_src)(&format, NULL, flags);
  if (SUCCEEDED(hr)) {
    if (flags & ~STRSAFE_VALID_FLAGS) {
      hr = STRSAFE_E_INVALID_PARAMETER;
      if (cch_dest != 0) *dest = 0;
    } else if (cch_dest == 0) {
      if (*format != 0) hr = dest == NULL ? STRSAFE_E_INVALID_PARAMETER : STRSAFE_E_INSUFFICIENT_BUFFER;
    } else {
      size_t written = 0;
      hr = SS_(__ntwasm_ss_vprintf)(dest, cch_dest, &written, format, args);
      end = dest + written;
      left = cch_dest - written;
      if (SUCCEEDED(hr) && (flags & STRSAFE_FILL_BEHIND_NULL)) SS_(__ntwasm_ss_fill_behind)(end, left, flags);
    }
  } else if (cch_dest != 0) {
    *dest = 0;
  }
  return SS_(__ntwasm_ss_ex_finish)(hr, dest, cch_dest, 0, end, left, flags, dest_end, remaining);
}

/* ---- character counts (StringCch*) ---- */
#ifndef STRSAFE_NO_CCH_FUNCTIONS

STRSAFEAPI SS_(StringCchCopy)(SS_CH *pszDest, size_t cchDest, const SS_CH *pszSrc) {
  HRESULT hr = SS_(__ntwasm_ss_validate_dest)(pszDest, cchDest);
  if (SUCCEEDED(hr)) hr = SS_(__ntwasm_ss_copy)(pszDest, cchDest, NULL, pszSrc, STRSAFE_MAX_LENGTH);
  return hr;
}

STRSAFEAPI SS_(StringCchCopyEx)(SS_CH *pszDest, size_t cchDest, const SS_CH *pszSrc, SS_CH **ppszDestEnd,
                                size_t *pcchRemaining, unsigned long dwFlags) {
  return SS_(__ntwasm_ss_copy_ex)(pszDest, cchDest, pszSrc, STRSAFE_MAX_LENGTH, ppszDestEnd, pcchRemaining, dwFlags);
}

STRSAFEAPI SS_(StringCchCopyN)(SS_CH *pszDest, size_t cchDest, const SS_CH *pszSrc, size_t cchToCopy) {
  HRESULT hr = SS_(__ntwasm_ss_validate_dest)(pszDest, cchDest);
  if (SUCCEEDED(hr)) {
    if (cchToCopy > STRSAFE_MAX_LENGTH) {
      hr = STRSAFE_E_INVALID_PARAMETER;
      *pszDest = 0;
    } else {
      hr = SS_(__ntwasm_ss_copy)(pszDest, cchDest, NULL, pszSrc, cchToCopy);
    }
  }
  return hr;
}

STRSAFEAPI SS_(StringCchCopyNEx)(SS_CH *pszDest, size_t cchDest, const SS_CH *pszSrc, size_t cchToCopy,
                                 SS_CH **ppszDestEnd, size_t *pcchRemaining, unsigned long dwFlags) {
  return SS_(__ntwasm_ss_copy_ex)(pszDest, cchDest, pszSrc, cchToCopy, ppszDestEnd, pcchRemaining, dwFlags);
}

STRSAFEAPI SS_(StringCchCat)(SS_CH *pszDest, size_t cchDest, const SS_CH *pszSrc) {
  size_t len;
  HRESULT hr = SS_(__ntwasm_ss_validate_dest_and_length)(pszDest, cchDest, &len);
  if (SUCCEEDED(hr)) hr = SS_(__ntwasm_ss_copy)(pszDest + len, cchDest - len, NULL, pszSrc, STRSAFE_MAX_LENGTH);
  return hr;
}

STRSAFEAPI SS_(StringCchCatEx)(SS_CH *pszDest, size_t cchDest, const SS_CH *pszSrc, SS_CH **ppszDestEnd,
                               size_t *pcchRemaining, unsigned long dwFlags) {
  return SS_(__ntwasm_ss_cat_ex)(pszDest, cchDest, pszSrc, STRSAFE_MAX_LENGTH, ppszDestEnd, pcchRemaining, dwFlags);
}

STRSAFEAPI SS_(StringCchCatN)(SS_CH *pszDest, size_t cchDest, const SS_CH *pszSrc, size_t cchToAppend) {
  size_t len;
  HRESULT hr = SS_(__ntwasm_ss_validate_dest_and_length)(pszDest, cchDest, &len);
  if (SUCCEEDED(hr)) {
    if (cchToAppend > STRSAFE_MAX_LENGTH) hr = STRSAFE_E_INVALID_PARAMETER;
    else hr = SS_(__ntwasm_ss_copy)(pszDest + len, cchDest - len, NULL, pszSrc, cchToAppend);
  }
  return hr;
}

STRSAFEAPI SS_(StringCchCatNEx)(SS_CH *pszDest, size_t cchDest, const SS_CH *pszSrc, size_t cchToAppend,
                                SS_CH **ppszDestEnd, size_t *pcchRemaining, unsigned long dwFlags) {
  return SS_(__ntwasm_ss_cat_ex)(pszDest, cchDest, pszSrc, cchToAppend, ppszDestEnd, pcchRemaining, dwFlags);
}

STRSAFEAPI SS_(StringCchVPrintf)(SS_CH *pszDest, size_t cchDest, const SS_CH *pszFormat, va_list argList) {
  HRESULT hr = SS_(__ntwasm_ss_validate_dest)(pszDest, cchDest);
  if (SUCCEEDED(hr)) hr = SS_(__ntwasm_ss_vprintf)(pszDest, cchDest, NULL, pszFormat, argList);
  return hr;
}

STRSAFEAPI SS_(StringCchPrintf)(SS_CH *pszDest, size_t cchDest, const SS_CH *pszFormat, ...) {
  HRESULT hr = SS_(__ntwasm_ss_validate_dest)(pszDest, cchDest);
  if (SUCCEEDED(hr)) {
    va_list args;
    va_start(args, pszFormat);
    hr = SS_(__ntwasm_ss_vprintf)(pszDest, cchDest, NULL, pszFormat, args);
    va_end(args);
  }
  return hr;
}

STRSAFEAPI SS_(StringCchVPrintfEx)(SS_CH *pszDest, size_t cchDest, SS_CH **ppszDestEnd, size_t *pcchRemaining,
                                   unsigned long dwFlags, const SS_CH *pszFormat, va_list argList) {
  return SS_(__ntwasm_ss_vprintf_ex)(pszDest, cchDest, ppszDestEnd, pcchRemaining, dwFlags, pszFormat, argList);
}

STRSAFEAPI SS_(StringCchPrintfEx)(SS_CH *pszDest, size_t cchDest, SS_CH **ppszDestEnd, size_t *pcchRemaining,
                                  unsigned long dwFlags, const SS_CH *pszFormat, ...) {
  va_list args;
  va_start(args, pszFormat);
  HRESULT hr = SS_(__ntwasm_ss_vprintf_ex)(pszDest, cchDest, ppszDestEnd, pcchRemaining, dwFlags, pszFormat, args);
  va_end(args);
  return hr;
}

STRSAFEAPI SS_(StringCchLength)(const SS_CH *psz, size_t cchMax, size_t *pcchLength) {
  HRESULT hr;
  if (psz == NULL || cchMax > STRSAFE_MAX_CCH) hr = STRSAFE_E_INVALID_PARAMETER;
  else hr = SS_(__ntwasm_ss_length)(psz, cchMax, pcchLength);
  if (FAILED(hr) && pcchLength) *pcchLength = 0;
  return hr;
}

#endif /* STRSAFE_NO_CCH_FUNCTIONS */

/* ---- byte counts (StringCb*): the same, with sizes in bytes ---- */
#ifndef STRSAFE_NO_CB_FUNCTIONS

#define SS_CCH(cb) ((cb) / sizeof(SS_CH))
#define SS_CB_REMAINING(cch, cbDest) ((cch) * sizeof(SS_CH) + (cbDest) % sizeof(SS_CH))

STRSAFEAPI SS_(StringCbCopy)(SS_CH *pszDest, size_t cbDest, const SS_CH *pszSrc) {
  size_t cchDest = SS_CCH(cbDest);
  HRESULT hr = SS_(__ntwasm_ss_validate_dest)(pszDest, cchDest);
  if (SUCCEEDED(hr)) hr = SS_(__ntwasm_ss_copy)(pszDest, cchDest, NULL, pszSrc, STRSAFE_MAX_LENGTH);
  return hr;
}

STRSAFEAPI SS_(StringCbCopyEx)(SS_CH *pszDest, size_t cbDest, const SS_CH *pszSrc, SS_CH **ppszDestEnd,
                               size_t *pcbRemaining, unsigned long dwFlags) {
  size_t left = 0;
  HRESULT hr = SS_(__ntwasm_ss_copy_ex)(pszDest, SS_CCH(cbDest), pszSrc, STRSAFE_MAX_LENGTH, ppszDestEnd, &left, dwFlags);
  if ((SUCCEEDED(hr) || hr == STRSAFE_E_INSUFFICIENT_BUFFER) && pcbRemaining) *pcbRemaining = SS_CB_REMAINING(left, cbDest);
  return hr;
}

STRSAFEAPI SS_(StringCbCopyN)(SS_CH *pszDest, size_t cbDest, const SS_CH *pszSrc, size_t cbToCopy) {
  size_t cchDest = SS_CCH(cbDest), cchToCopy = SS_CCH(cbToCopy);
  HRESULT hr = SS_(__ntwasm_ss_validate_dest)(pszDest, cchDest);
  if (SUCCEEDED(hr)) {
    if (cchToCopy > STRSAFE_MAX_LENGTH) {
      hr = STRSAFE_E_INVALID_PARAMETER;
      *pszDest = 0;
    } else {
      hr = SS_(__ntwasm_ss_copy)(pszDest, cchDest, NULL, pszSrc, cchToCopy);
    }
  }
  return hr;
}

STRSAFEAPI SS_(StringCbCopyNEx)(SS_CH *pszDest, size_t cbDest, const SS_CH *pszSrc, size_t cbToCopy,
                                SS_CH **ppszDestEnd, size_t *pcbRemaining, unsigned long dwFlags) {
  size_t left = 0;
  HRESULT hr = SS_(__ntwasm_ss_copy_ex)(pszDest, SS_CCH(cbDest), pszSrc, SS_CCH(cbToCopy), ppszDestEnd, &left, dwFlags);
  if ((SUCCEEDED(hr) || hr == STRSAFE_E_INSUFFICIENT_BUFFER) && pcbRemaining) *pcbRemaining = SS_CB_REMAINING(left, cbDest);
  return hr;
}

STRSAFEAPI SS_(StringCbCat)(SS_CH *pszDest, size_t cbDest, const SS_CH *pszSrc) {
  size_t cchDest = SS_CCH(cbDest), len;
  HRESULT hr = SS_(__ntwasm_ss_validate_dest_and_length)(pszDest, cchDest, &len);
  if (SUCCEEDED(hr)) hr = SS_(__ntwasm_ss_copy)(pszDest + len, cchDest - len, NULL, pszSrc, STRSAFE_MAX_LENGTH);
  return hr;
}

STRSAFEAPI SS_(StringCbCatEx)(SS_CH *pszDest, size_t cbDest, const SS_CH *pszSrc, SS_CH **ppszDestEnd,
                              size_t *pcbRemaining, unsigned long dwFlags) {
  size_t left = 0;
  HRESULT hr = SS_(__ntwasm_ss_cat_ex)(pszDest, SS_CCH(cbDest), pszSrc, STRSAFE_MAX_LENGTH, ppszDestEnd, &left, dwFlags);
  if ((SUCCEEDED(hr) || hr == STRSAFE_E_INSUFFICIENT_BUFFER) && pcbRemaining) *pcbRemaining = SS_CB_REMAINING(left, cbDest);
  return hr;
}

STRSAFEAPI SS_(StringCbCatN)(SS_CH *pszDest, size_t cbDest, const SS_CH *pszSrc, size_t cbToAppend) {
  size_t cchDest = SS_CCH(cbDest), cchToAppend = SS_CCH(cbToAppend), len;
  HRESULT hr = SS_(__ntwasm_ss_validate_dest_and_length)(pszDest, cchDest, &len);
  if (SUCCEEDED(hr)) {
    if (cchToAppend > STRSAFE_MAX_LENGTH) hr = STRSAFE_E_INVALID_PARAMETER;
    else hr = SS_(__ntwasm_ss_copy)(pszDest + len, cchDest - len, NULL, pszSrc, cchToAppend);
  }
  return hr;
}

STRSAFEAPI SS_(StringCbCatNEx)(SS_CH *pszDest, size_t cbDest, const SS_CH *pszSrc, size_t cbToAppend,
                               SS_CH **ppszDestEnd, size_t *pcbRemaining, unsigned long dwFlags) {
  size_t left = 0;
  HRESULT hr = SS_(__ntwasm_ss_cat_ex)(pszDest, SS_CCH(cbDest), pszSrc, SS_CCH(cbToAppend), ppszDestEnd, &left, dwFlags);
  if ((SUCCEEDED(hr) || hr == STRSAFE_E_INSUFFICIENT_BUFFER) && pcbRemaining) *pcbRemaining = SS_CB_REMAINING(left, cbDest);
  return hr;
}

STRSAFEAPI SS_(StringCbVPrintf)(SS_CH *pszDest, size_t cbDest, const SS_CH *pszFormat, va_list argList) {
  size_t cchDest = SS_CCH(cbDest);
  HRESULT hr = SS_(__ntwasm_ss_validate_dest)(pszDest, cchDest);
  if (SUCCEEDED(hr)) hr = SS_(__ntwasm_ss_vprintf)(pszDest, cchDest, NULL, pszFormat, argList);
  return hr;
}

STRSAFEAPI SS_(StringCbPrintf)(SS_CH *pszDest, size_t cbDest, const SS_CH *pszFormat, ...) {
  size_t cchDest = SS_CCH(cbDest);
  HRESULT hr = SS_(__ntwasm_ss_validate_dest)(pszDest, cchDest);
  if (SUCCEEDED(hr)) {
    va_list args;
    va_start(args, pszFormat);
    hr = SS_(__ntwasm_ss_vprintf)(pszDest, cchDest, NULL, pszFormat, args);
    va_end(args);
  }
  return hr;
}

STRSAFEAPI SS_(StringCbVPrintfEx)(SS_CH *pszDest, size_t cbDest, SS_CH **ppszDestEnd, size_t *pcbRemaining,
                                  unsigned long dwFlags, const SS_CH *pszFormat, va_list argList) {
  size_t left = 0;
  HRESULT hr = SS_(__ntwasm_ss_vprintf_ex)(pszDest, SS_CCH(cbDest), ppszDestEnd, &left, dwFlags, pszFormat, argList);
  if ((SUCCEEDED(hr) || hr == STRSAFE_E_INSUFFICIENT_BUFFER) && pcbRemaining) *pcbRemaining = SS_CB_REMAINING(left, cbDest);
  return hr;
}

STRSAFEAPI SS_(StringCbPrintfEx)(SS_CH *pszDest, size_t cbDest, SS_CH **ppszDestEnd, size_t *pcbRemaining,
                                 unsigned long dwFlags, const SS_CH *pszFormat, ...) {
  size_t left = 0;
  va_list args;
  va_start(args, pszFormat);
  HRESULT hr = SS_(__ntwasm_ss_vprintf_ex)(pszDest, SS_CCH(cbDest), ppszDestEnd, &left, dwFlags, pszFormat, args);
  va_end(args);
  if ((SUCCEEDED(hr) || hr == STRSAFE_E_INSUFFICIENT_BUFFER) && pcbRemaining) *pcbRemaining = SS_CB_REMAINING(left, cbDest);
  return hr;
}

STRSAFEAPI SS_(StringCbLength)(const SS_CH *psz, size_t cbMax, size_t *pcbLength) {
  size_t cchMax = SS_CCH(cbMax), cch = 0;
  HRESULT hr;
  if (psz == NULL || cchMax > STRSAFE_MAX_CCH) hr = STRSAFE_E_INVALID_PARAMETER;
  else hr = SS_(__ntwasm_ss_length)(psz, cchMax, &cch);
  if (pcbLength) *pcbLength = SUCCEEDED(hr) ? cch * sizeof(SS_CH) : 0;
  return hr;
}

#undef SS_CCH
#undef SS_CB_REMAINING
#endif /* STRSAFE_NO_CB_FUNCTIONS */

#undef SS_FAILURE_FLAGS
