/*
 * HRESULT, the COM/Win32 status type, and its common values (winerror.h's part that programs use
 * without COM): SUCCEEDED/FAILED, MAKE_HRESULT, HRESULT_FROM_WIN32, S_OK, E_FAIL... Values are the
 * Windows SDK's. Included by <windows.h> and <strsafe.h>; needs nothing else.
 */
#ifndef NTWASM_HRESULT_H
#define NTWASM_HRESULT_H

#ifndef _HRESULT_DEFINED
#define _HRESULT_DEFINED
typedef long HRESULT; /* LONG: 32 bits */
#endif
#ifndef _SCODE_DEFINED
#define _SCODE_DEFINED
typedef long SCODE;
#endif
typedef HRESULT *PHRESULT;

#define _HRESULT_TYPEDEF_(sc) ((HRESULT)(sc))

#define SEVERITY_SUCCESS 0
#define SEVERITY_ERROR 1

#define FACILITY_NULL 0
#define FACILITY_RPC 1
#define FACILITY_DISPATCH 2
#define FACILITY_STORAGE 3
#define FACILITY_ITF 4
#define FACILITY_WIN32 7
#define FACILITY_WINDOWS 8
#define FACILITY_SECURITY 9
#define FACILITY_CONTROL 10
#define FACILITY_INTERNET 12
#define FACILITY_WINDOWSUPDATE 36
#define FACILITY_NT_BIT 0x10000000

#define SUCCEEDED(hr) (((HRESULT)(hr)) >= 0)
#define FAILED(hr) (((HRESULT)(hr)) < 0)
#define IS_ERROR(status) (((unsigned long)(status)) >> 31 == SEVERITY_ERROR)
#define HRESULT_CODE(hr) ((hr) & 0xFFFF)
#define SCODE_CODE(sc) ((sc) & 0xFFFF)
#define HRESULT_FACILITY(hr) (((hr) >> 16) & 0x1fff)
#define SCODE_FACILITY(sc) (((sc) >> 16) & 0x1fff)
#define HRESULT_SEVERITY(hr) (((hr) >> 31) & 0x1)
#define SCODE_SEVERITY(sc) (((sc) >> 31) & 0x1)
#define MAKE_HRESULT(sev, fac, code) \
  ((HRESULT)(((unsigned long)(sev) << 31) | ((unsigned long)(fac) << 16) | ((unsigned long)(code))))
#define MAKE_SCODE(sev, fac, code) \
  ((SCODE)(((unsigned long)(sev) << 31) | ((unsigned long)(fac) << 16) | ((unsigned long)(code))))

/* A Win32 error code as an HRESULT (0x8007xxxx); 0 and values that are already HRESULTs stay as they are. */
static __inline HRESULT __HRESULT_FROM_WIN32(unsigned long x) {
  return (HRESULT)x <= 0 ? (HRESULT)x : (HRESULT)((x & 0x0000FFFF) | (FACILITY_WIN32 << 16) | 0x80000000);
}
#define HRESULT_FROM_WIN32(x) __HRESULT_FROM_WIN32(x)
#define HRESULT_FROM_NT(x) ((HRESULT)((x) | FACILITY_NT_BIT))

#define NOERROR 0
#define S_OK _HRESULT_TYPEDEF_(0x00000000L)
#define S_FALSE _HRESULT_TYPEDEF_(0x00000001L)
#define E_UNEXPECTED _HRESULT_TYPEDEF_(0x8000FFFFL)
#define E_NOTIMPL _HRESULT_TYPEDEF_(0x80004001L)
#define E_NOINTERFACE _HRESULT_TYPEDEF_(0x80004002L)
#define E_POINTER _HRESULT_TYPEDEF_(0x80004003L)
#define E_ABORT _HRESULT_TYPEDEF_(0x80004004L)
#define E_FAIL _HRESULT_TYPEDEF_(0x80004005L)
#define E_PENDING _HRESULT_TYPEDEF_(0x8000000AL)
#define E_BOUNDS _HRESULT_TYPEDEF_(0x8000000BL)
#define E_CHANGED_STATE _HRESULT_TYPEDEF_(0x8000000CL)
#define E_ILLEGAL_STATE_CHANGE _HRESULT_TYPEDEF_(0x8000000DL)
#define E_ILLEGAL_METHOD_CALL _HRESULT_TYPEDEF_(0x8000000EL)
#define E_ACCESSDENIED _HRESULT_TYPEDEF_(0x80070005L)
#define E_HANDLE _HRESULT_TYPEDEF_(0x80070006L)
#define E_OUTOFMEMORY _HRESULT_TYPEDEF_(0x8007000EL)
#define E_INVALIDARG _HRESULT_TYPEDEF_(0x80070057L)
#define E_NOT_SUFFICIENT_BUFFER _HRESULT_TYPEDEF_(0x8007007AL) /* HRESULT_FROM_WIN32(ERROR_INSUFFICIENT_BUFFER) */
#define E_NOT_VALID_STATE _HRESULT_TYPEDEF_(0x8007139FL)     /* HRESULT_FROM_WIN32(ERROR_INVALID_STATE) */
#define E_NOT_SET _HRESULT_TYPEDEF_(0x80070490L)             /* HRESULT_FROM_WIN32(ERROR_NOT_FOUND) */
#define CO_E_NOTINITIALIZED _HRESULT_TYPEDEF_(0x800401F0L)
#define DISP_E_MEMBERNOTFOUND _HRESULT_TYPEDEF_(0x80020003L)
#define DISP_E_TYPEMISMATCH _HRESULT_TYPEDEF_(0x80020005L)
#define DISP_E_OVERFLOW _HRESULT_TYPEDEF_(0x8002000AL)
#define DISP_E_BADINDEX _HRESULT_TYPEDEF_(0x8002000BL)

#endif /* NTWASM_HRESULT_H */
