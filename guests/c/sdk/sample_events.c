/*
 * Follows the structure of Microsoft's "Using Event Objects" sample (synchronization docs): a manual-
 * reset event created unsignaled, reader threads that wait on it, a writer (the primary thread) that
 * fills a shared buffer and sets the event, WaitForMultipleObjects on the thread handles, CloseHandle
 * on everything. Written with UNICODE/_UNICODE defined, as a Visual Studio project builds it. The
 * readers record what they saw and the primary thread prints it after the waits, so the output does
 * not depend on scheduling. Expected output confirmed with mingw-w64 (-municode) + Wine 8.0.
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
#include <stdio.h>

#define THREADCOUNT 4
#define BUFSIZE 64

HANDLE ghWriteEvent;
HANDLE ghThreads[THREADCOUNT];
TCHAR gBuffer[BUFSIZE];
TCHAR gSeen[THREADCOUNT][BUFSIZE];
DWORD gWaitResult[THREADCOUNT];

DWORD WINAPI ThreadProc(LPVOID lpParam)
{
    DWORD index = (DWORD)(DWORD_PTR)lpParam;
    DWORD dwWaitResult;

    // Wait until the writer has filled the buffer.
    dwWaitResult = WaitForSingleObject(ghWriteEvent, INFINITE);
    gWaitResult[index] = dwWaitResult;
    switch (dwWaitResult)
    {
    case WAIT_OBJECT_0:
        StringCchCopy(gSeen[index], BUFSIZE, gBuffer);
        break;
    default:
        return 1;
    }
    return 100 + index;
}

void CreateEventsAndThreads(void)
{
    int i;
    DWORD dwThreadID;

    ghWriteEvent = CreateEvent(NULL, TRUE, FALSE, TEXT("WriteEvent"));
    if (ghWriteEvent == NULL)
    {
        _tprintf(TEXT("CreateEvent failed (%d)\n"), GetLastError());
        return;
    }
    for (i = 0; i < THREADCOUNT; i++)
    {
        ghThreads[i] = CreateThread(NULL, 0, ThreadProc, (LPVOID)(DWORD_PTR)i, 0, &dwThreadID);
        if (ghThreads[i] == NULL)
        {
            _tprintf(TEXT("CreateThread failed (%d)\n"), GetLastError());
            return;
        }
    }
}

void WriteToBuffer(void)
{
    StringCchPrintf(gBuffer, BUFSIZE, TEXT("written by the primary thread, %d readers"), THREADCOUNT);
    if (!SetEvent(ghWriteEvent))
    {
        _tprintf(TEXT("SetEvent failed (%d)\n"), GetLastError());
        return;
    }
    _tprintf(TEXT("Main thread writing to the shared buffer...\n"));
}

void CloseEvents(void)
{
    CloseHandle(ghWriteEvent);
}

int _tmain(void)
{
    DWORD dwWaitResult, dwExit;
    HANDLE hSecond;
    int i;

    CreateEventsAndThreads();

    // The event is still unsignaled: a zero-timeout wait times out.
    _tprintf(TEXT("Before the write: wait returns %u (WAIT_TIMEOUT is %u)\n"),
             WaitForSingleObject(ghWriteEvent, 0), WAIT_TIMEOUT);

    // A second CreateEvent of the same name opens the existing event.
    hSecond = CreateEvent(NULL, TRUE, FALSE, TEXT("WriteEvent"));
    _tprintf(TEXT("Second CreateEvent: %s, GetLastError %d (ERROR_ALREADY_EXISTS is %d)\n"),
             hSecond ? TEXT("handle") : TEXT("NULL"), GetLastError(), ERROR_ALREADY_EXISTS);

    WriteToBuffer();

    _tprintf(TEXT("Main thread waiting for threads to exit...\n"));
    dwWaitResult = WaitForMultipleObjects(THREADCOUNT, ghThreads, TRUE, INFINITE);
    switch (dwWaitResult)
    {
    case WAIT_OBJECT_0:
        _tprintf(TEXT("All threads ended, cleaning up for application exit...\n"));
        break;
    default:
        _tprintf(TEXT("WaitForMultipleObjects failed (%d)\n"), GetLastError());
        return 1;
    }

    for (i = 0; i < THREADCOUNT; i++)
    {
        GetExitCodeThread(ghThreads[i], &dwExit);
        _tprintf(TEXT("Thread %d: wait result %u, exit code %u, read \"%s\"\n"),
                 i, gWaitResult[i], dwExit, gSeen[i]);
        CloseHandle(ghThreads[i]);
    }

    // A manual-reset event stays signaled until ResetEvent.
    _tprintf(TEXT("Through the second handle: %u\n"), WaitForSingleObject(hSecond, 0));
    ResetEvent(hSecond);
    _tprintf(TEXT("After ResetEvent: %u\n"), WaitForSingleObject(ghWriteEvent, 0));
    CloseHandle(hSecond);
    CloseEvents();
    return 0;
}
