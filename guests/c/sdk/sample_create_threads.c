/*
 * Follows the structure of Microsoft's "Creating Threads" sample: MAX_THREADS threads, each given a
 * HeapAlloc'd MYDATA, print their parameters with StringCchPrintf + WriteConsole (falling back to
 * WriteFile when the standard output is not a console, as under a pipe: WriteConsole then fails
 * with ERROR_INVALID_HANDLE on Windows), the primary thread waits with WaitForMultipleObjects and
 * frees everything; ErrorHandler formats GetLastError with FormatMessage, builds the text in a
 * LocalAlloc'd buffer sized with lstrlen and shows it with MessageBox (the text goes to stderr under
 * ntwasm, and Wine without a display shows nothing: stdout is the same). Each thread waits for the
 * previous one's event before it prints, so the order is fixed. Also CREATE_SUSPENDED +
 * GetExitCodeThread (STILL_ACTIVE) + ResumeThread. Built with UNICODE/_UNICODE. Expected output
 * confirmed with mingw-w64 (-municode) + Wine 8.0.
 */
#ifndef UNICODE
#define UNICODE
#endif
#ifndef _UNICODE
#define _UNICODE
#endif
#include <windows.h>
#include <tchar.h>
#include <strsafe.h>

#define MAX_THREADS 3
#define BUF_SIZE 255

DWORD WINAPI MyThreadFunction(LPVOID lpParam);
void ErrorHandler(LPCTSTR lpszFunction);
void PrintLine(HANDLE hStdout, LPCTSTR msgBuf);

typedef struct MyData {
    int val1;
    int val2;
    HANDLE hTurn;     // set by the previous thread
    HANDLE hNextTurn; // set when this thread has printed
} MYDATA, *PMYDATA;

int _tmain()
{
    PMYDATA pDataArray[MAX_THREADS];
    DWORD dwThreadIdArray[MAX_THREADS];
    HANDLE hThreadArray[MAX_THREADS];
    HANDLE hTurns[MAX_THREADS + 1];
    HANDLE hSuspended;
    DWORD dwExitCode, dwPrevCount;
    TCHAR msgBuf[BUF_SIZE];
    HANDLE hStdout = GetStdHandle(STD_OUTPUT_HANDLE);
    int i;

    for (i = 0; i <= MAX_THREADS; i++)
        hTurns[i] = CreateEvent(NULL, FALSE, i == 0, NULL);

    // Create MAX_THREADS worker threads.
    for (i = 0; i < MAX_THREADS; i++)
    {
        // Allocate memory for thread data.
        pDataArray[i] = (PMYDATA)HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, sizeof(MYDATA));
        if (pDataArray[i] == NULL)
        {
            // If the array allocation fails, the system is out of memory
            // so there is no point in trying to print an error message.
            ExitProcess(2);
        }

        // Generate unique data for each thread to work with.
        pDataArray[i]->val1 = i;
        pDataArray[i]->val2 = i + 100;
        pDataArray[i]->hTurn = hTurns[i];
        pDataArray[i]->hNextTurn = hTurns[i + 1];

        hThreadArray[i] = CreateThread(NULL, 0, MyThreadFunction, pDataArray[i], 0, &dwThreadIdArray[i]);
        if (hThreadArray[i] == NULL)
        {
            ErrorHandler(TEXT("CreateThread"));
            ExitProcess(3);
        }
    }

    // Wait until all threads have terminated.
    WaitForMultipleObjects(MAX_THREADS, hThreadArray, TRUE, INFINITE);

    // Close all thread handles and free memory allocations.
    for (i = 0; i < MAX_THREADS; i++)
    {
        GetExitCodeThread(hThreadArray[i], &dwExitCode);
        StringCchPrintf(msgBuf, BUF_SIZE, TEXT("Thread %d exit code %d\n"), i, dwExitCode);
        PrintLine(hStdout, msgBuf);
        CloseHandle(hThreadArray[i]);
        if (pDataArray[i] != NULL)
        {
            HeapFree(GetProcessHeap(), 0, pDataArray[i]);
            pDataArray[i] = NULL; // Ensure address is not reused.
        }
    }
    for (i = 0; i <= MAX_THREADS; i++)
        CloseHandle(hTurns[i]);

    // A suspended thread has not run: its exit code is STILL_ACTIVE until it ends.
    hSuspended = CreateThread(NULL, 0, MyThreadFunction, NULL, CREATE_SUSPENDED, NULL);
    GetExitCodeThread(hSuspended, &dwExitCode);
    dwPrevCount = ResumeThread(hSuspended);
    WaitForSingleObject(hSuspended, INFINITE);
    StringCchPrintf(msgBuf, BUF_SIZE, TEXT("Suspended thread: exit code %d (STILL_ACTIVE is %d), "
                                          "ResumeThread returned %d, "), dwExitCode, STILL_ACTIVE, dwPrevCount);
    GetExitCodeThread(hSuspended, &dwExitCode);
    StringCchPrintf(msgBuf + lstrlen(msgBuf), BUF_SIZE - lstrlen(msgBuf), TEXT("then %d\n"), dwExitCode);
    PrintLine(hStdout, msgBuf);
    CloseHandle(hSuspended);

    // What ErrorHandler shows for a failing call (a message box; nothing on stdout).
    if (!GetExitCodeThread(NULL, &dwExitCode))
        ErrorHandler(TEXT("GetExitCodeThread"));

    return 0;
}

DWORD WINAPI MyThreadFunction(LPVOID lpParam)
{
    HANDLE hStdout;
    PMYDATA pDataArray;
    TCHAR msgBuf[BUF_SIZE];

    // Make sure there is a console to receive output results.
    hStdout = GetStdHandle(STD_OUTPUT_HANDLE);
    if (hStdout == INVALID_HANDLE_VALUE)
        return 1;

    // Cast the parameter to the correct data type.
    // The pointer is known to be valid because it was checked for NULL before the thread was created.
    pDataArray = (PMYDATA)lpParam;
    if (pDataArray == NULL)
        return 7;

    WaitForSingleObject(pDataArray->hTurn, INFINITE);

    // Print the parameter values using thread-safe functions.
    StringCchPrintf(msgBuf, BUF_SIZE, TEXT("Parameters = %d, %d\n"), pDataArray->val1, pDataArray->val2);
    PrintLine(hStdout, msgBuf);

    SetEvent(pDataArray->hNextTurn);
    return 10 + pDataArray->val1;
}

void PrintLine(HANDLE hStdout, LPCTSTR msgBuf)
{
    size_t cchStringSize;
    DWORD dwChars;
    char narrow[BUF_SIZE];
    int cb;

    StringCchLength(msgBuf, BUF_SIZE, &cchStringSize);
    // On a console WriteConsole writes the TCHARs; redirected, WriteFile writes the ANSI bytes.
    if (!WriteConsole(hStdout, msgBuf, (DWORD)cchStringSize, &dwChars, NULL))
    {
        cb = WideCharToMultiByte(CP_ACP, 0, msgBuf, -1, narrow, BUF_SIZE, NULL, NULL) - 1;
        WriteFile(hStdout, narrow, (DWORD)cb, &dwChars, NULL);
    }
}

void ErrorHandler(LPCTSTR lpszFunction)
{
    // Retrieve the system error message for the last-error code.
    LPVOID lpMsgBuf;
    LPVOID lpDisplayBuf;
    DWORD dw = GetLastError();

    FormatMessage(
        FORMAT_MESSAGE_ALLOCATE_BUFFER |
        FORMAT_MESSAGE_FROM_SYSTEM |
        FORMAT_MESSAGE_IGNORE_INSERTS,
        NULL,
        dw,
        MAKELANGID(LANG_NEUTRAL, SUBLANG_DEFAULT),
        (LPTSTR)&lpMsgBuf,
        0, NULL);

    // Display the error message.
    lpDisplayBuf = (LPVOID)LocalAlloc(LMEM_ZEROINIT,
        (lstrlen((LPCTSTR)lpMsgBuf) + lstrlen((LPCTSTR)lpszFunction) + 40) * sizeof(TCHAR));
    StringCchPrintf((LPTSTR)lpDisplayBuf,
        LocalSize(lpDisplayBuf) / sizeof(TCHAR),
        TEXT("%s failed with error %d: %s"),
        lpszFunction, dw, lpMsgBuf);
    MessageBox(NULL, (LPCTSTR)lpDisplayBuf, TEXT("Error"), MB_OK);

    // Free error-handling buffers.
    LocalFree(lpMsgBuf);
    LocalFree(lpDisplayBuf);
}
