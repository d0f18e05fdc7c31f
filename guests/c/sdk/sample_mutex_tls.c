/*
 * Follows the structure of Microsoft's "Using Mutex Objects" and "Using Thread Local Storage"
 * samples: worker threads update a shared counter while they own an unnamed mutex
 * (WaitForSingleObject / ReleaseMutex, with the WAIT_ABANDONED case), and each keeps its own data in
 * a LocalAlloc'd block reached through a TlsAlloc index (TlsSetValue / TlsGetValue in a CommonFunc,
 * LocalFree and TlsFree at the end). Also: a mutex abandoned by a thread that ended while owning it,
 * ReleaseMutex by a thread that does not own it, and a named mutex created twice. Built without
 * UNICODE. Expected output confirmed with mingw-w64 + Wine 8.0.
 */
#include <windows.h>
#include <tchar.h>
#include <stdio.h>
#include <strsafe.h>

#define THREADCOUNT 4
#define ROUNDS 50

HANDLE ghMutex;
DWORD dwTlsIndex;
volatile LONG gCounter = 0;
DWORD gThreadTotals[THREADCOUNT];
DWORD gAbandoned = 0;

typedef struct {
    DWORD id;
    DWORD updates;
    DWORD calls;
} THREADDATA, *PTHREADDATA;

VOID ErrorExit(LPCTSTR lpszMessage)
{
    _ftprintf(stderr, TEXT("%s failed with error %d\n"), lpszMessage, GetLastError());
    ExitProcess(0);
}

VOID CommonFunc(VOID)
{
    PTHREADDATA pData;

    // Retrieve a data pointer for the current thread.
    pData = (PTHREADDATA)TlsGetValue(dwTlsIndex);
    if ((pData == 0) && (GetLastError() != ERROR_SUCCESS))
        ErrorExit(TEXT("TlsGetValue"));
    pData->calls++;
}

DWORD WINAPI WriteToDatabase(LPVOID lpParam)
{
    PTHREADDATA pData;
    DWORD dwCount = 0, dwWaitResult;
    LONG value;

    // Initialize the TLS index for this thread.
    pData = (PTHREADDATA)LocalAlloc(LPTR, sizeof(THREADDATA));
    if (!TlsSetValue(dwTlsIndex, pData))
        ErrorExit(TEXT("TlsSetValue"));
    pData->id = (DWORD)(DWORD_PTR)lpParam;

    while (dwCount < ROUNDS)
    {
        dwWaitResult = WaitForSingleObject(ghMutex, INFINITE);
        switch (dwWaitResult)
        {
        // The thread got ownership of the mutex.
        case WAIT_OBJECT_0:
            // A read-modify-write with a yield inside: only the mutex keeps it whole.
            value = gCounter;
            Sleep(0);
            gCounter = value + 1;
            dwCount++;
            pData->updates++;
            CommonFunc();
            if (!ReleaseMutex(ghMutex))
                ErrorExit(TEXT("ReleaseMutex"));
            break;
        // The thread got ownership of an abandoned mutex: the database is in an indeterminate state.
        case WAIT_ABANDONED:
            InterlockedIncrement((LONG *)&gAbandoned);
            return FALSE;
        }
    }

    pData = (PTHREADDATA)TlsGetValue(dwTlsIndex);
    gThreadTotals[pData->id] = pData->updates * 1000 + pData->calls;
    LocalFree((HLOCAL)pData);
    return TRUE;
}

DWORD WINAPI TakeAndLeave(LPVOID lpParam)
{
    // Ends while it owns the mutex.
    WaitForSingleObject((HANDLE)lpParam, INFINITE);
    return 0;
}

int _tmain(void)
{
    HANDLE aThread[THREADCOUNT];
    HANDLE hAbandon, hThread, hNamed, hNamed2;
    DWORD ThreadID, dwWait, dwError;
    LPVOID pValue;
    BOOL bOk;
    int i;

    if ((dwTlsIndex = TlsAlloc()) == TLS_OUT_OF_INDEXES)
        ErrorExit(TEXT("TlsAlloc"));

    // Nothing stored yet for this thread: NULL with no error.
    SetLastError(12345);
    pValue = TlsGetValue(dwTlsIndex);
    dwError = GetLastError();
    _tprintf(TEXT("TlsGetValue before TlsSetValue: %s, GetLastError %d\n"),
             pValue == NULL ? TEXT("NULL") : TEXT("non-NULL"), dwError);

    ghMutex = CreateMutex(NULL, FALSE, NULL);
    if (ghMutex == NULL)
    {
        _tprintf(TEXT("CreateMutex error: %d\n"), GetLastError());
        return 1;
    }

    for (i = 0; i < THREADCOUNT; i++)
    {
        aThread[i] = CreateThread(NULL, 0, (LPTHREAD_START_ROUTINE)WriteToDatabase,
                                  (LPVOID)(DWORD_PTR)i, 0, &ThreadID);
        if (aThread[i] == NULL)
        {
            _tprintf(TEXT("CreateThread error: %d\n"), GetLastError());
            return 1;
        }
    }

    WaitForMultipleObjects(THREADCOUNT, aThread, TRUE, INFINITE);
    for (i = 0; i < THREADCOUNT; i++)
    {
        DWORD dwExit;
        GetExitCodeThread(aThread[i], &dwExit);
        _tprintf(TEXT("Thread %d: exit code %d, updates*1000+calls = %d\n"), i, dwExit, gThreadTotals[i]);
        CloseHandle(aThread[i]);
    }
    _tprintf(TEXT("Shared counter: %ld (expected %d), abandoned waits: %d\n"),
             gCounter, THREADCOUNT * ROUNDS, gAbandoned);

    // The primary thread does not own the mutex: ReleaseMutex fails.
    bOk = ReleaseMutex(ghMutex);
    _tprintf(TEXT("ReleaseMutex without owning it: %d, GetLastError %d\n"), bOk, GetLastError());
    CloseHandle(ghMutex);

    // A thread that ends while owning a mutex abandons it; the next waiter owns it.
    hAbandon = CreateMutex(NULL, FALSE, NULL);
    hThread = CreateThread(NULL, 0, TakeAndLeave, hAbandon, 0, &ThreadID);
    WaitForSingleObject(hThread, INFINITE);
    CloseHandle(hThread);
    dwWait = WaitForSingleObject(hAbandon, INFINITE);
    _tprintf(TEXT("Wait on the abandoned mutex: 0x%X (WAIT_ABANDONED is 0x%X)\n"), dwWait, WAIT_ABANDONED);
    _tprintf(TEXT("Again, while owning it: 0x%X\n"), WaitForSingleObject(hAbandon, 0));
    // Owned twice now (a mutex counts recursive waits): two releases succeed, the third fails.
    for (i = 0; i < 3; i++)
    {
        bOk = ReleaseMutex(hAbandon);
        _tprintf(TEXT("ReleaseMutex %d: %d"), i + 1, bOk);
        if (bOk)
            _tprintf(TEXT("\n"));
        else
            _tprintf(TEXT(", GetLastError %d\n"), GetLastError());
    }
    CloseHandle(hAbandon);

    // A named mutex: the second CreateMutex opens the first; the initial owner request is ignored.
    hNamed = CreateMutex(NULL, TRUE, TEXT("SampleMutexName"));
    _tprintf(TEXT("CreateMutex named: %s, GetLastError %d\n"), hNamed ? TEXT("ok") : TEXT("failed"), GetLastError());
    hNamed2 = CreateMutex(NULL, TRUE, TEXT("SampleMutexName"));
    _tprintf(TEXT("CreateMutex again: %s, GetLastError %d\n"), hNamed2 ? TEXT("ok") : TEXT("failed"), GetLastError());
    hThread = OpenMutex(SYNCHRONIZE, FALSE, TEXT("SampleMutexName"));
    _tprintf(TEXT("OpenMutex: %s\n"), hThread ? TEXT("ok") : TEXT("failed"));
    CloseHandle(hThread);
    hThread = OpenMutex(SYNCHRONIZE, FALSE, TEXT("NoSuchMutexName"));
    _tprintf(TEXT("OpenMutex of a missing name: %s, GetLastError %d\n"), hThread ? TEXT("ok") : TEXT("NULL"), GetLastError());
    ReleaseMutex(hNamed);
    CloseHandle(hNamed2);
    CloseHandle(hNamed);

    _tprintf(TEXT("TlsFree: %d\n"), TlsFree(dwTlsIndex));
    return 0;
}
