/*
 * Follows the structure of Microsoft's "Using a Waitable Timer with an Asynchronous Procedure Call"
 * sample: a TimerAPCProc completion routine given to SetWaitableTimer (a relative due time in 100 ns
 * units split into a LARGE_INTEGER's LowPart/HighPart, and a period), the primary thread in an
 * alertable SleepEx(INFINITE, TRUE) loop until the routine has run a number of times, then
 * CancelWaitableTimer and CloseHandle. Also QueueUserAPC to the thread itself, an alertable
 * WaitForSingleObjectEx returning WAIT_IO_COMPLETION, and a manual-reset timer waited on without an
 * APC. Times are short (at most 200 ms) and the output does not show them. Built without
 * UNICODE. Expected output confirmed with mingw-w64 + Wine 8.0.
 */
#include <windows.h>
#include <tchar.h>
#include <stdio.h>

#define _SECOND 10000000
#define _MILLISECOND 10000

typedef struct _MYDATA {
    LPCTSTR szText;
    DWORD dwValue;
} MYDATA;

VOID CALLBACK TimerAPCProc(LPVOID lpArg, DWORD dwTimerLowValue, DWORD dwTimerHighValue)
{
    MYDATA *pMyData = (MYDATA *)lpArg;

    // The time the timer was signaled, as a FILETIME; only its presence is printed.
    UNREFERENCED_PARAMETER(dwTimerLowValue);
    _tprintf(TEXT("Message: %s\nValue: %d (time %s)\n\n"), pMyData->szText, pMyData->dwValue,
             dwTimerHighValue != 0 ? TEXT("set") : TEXT("zero"));
    MessageBeep(0);
    pMyData->dwValue++;
}

VOID CALLBACK QueuedAPC(ULONG_PTR dwParam)
{
    _tprintf(TEXT("QueuedAPC(%lu)\n"), (unsigned long)dwParam);
}

int _tmain(void)
{
    HANDLE hTimer;
    BOOL bSuccess;
    __int64 qwDueTime;
    LARGE_INTEGER liDueTime;
    MYDATA MyData;
    DWORD dwResult;

    MyData.szText = TEXT("This is my data");
    MyData.dwValue = 100;

    hTimer = CreateWaitableTimer(NULL, FALSE, TEXT("MyTimer"));
    if (hTimer == NULL)
    {
        printf("CreateWaitableTimer failed with error %d\n", GetLastError());
        return 1;
    }

    // Create an integer that will be used to signal the timer 50 milliseconds from now.
    qwDueTime = -50 * _MILLISECOND;

    // Copy the relative time into a LARGE_INTEGER.
    liDueTime.LowPart = (DWORD)(qwDueTime & 0xFFFFFFFF);
    liDueTime.HighPart = (LONG)(qwDueTime >> 32);

    bSuccess = SetWaitableTimer(hTimer, &liDueTime, 20, TimerAPCProc, &MyData, FALSE);
    if (bSuccess)
    {
        for (; MyData.dwValue < 104;)
        {
            dwResult = SleepEx(INFINITE, TRUE);
            if (dwResult != WAIT_IO_COMPLETION)
                printf("SleepEx returned %lu\n", (unsigned long)dwResult);
        }
        printf("CancelWaitableTimer: %d\n", CancelWaitableTimer(hTimer));
    }
    else
    {
        printf("SetWaitableTimer failed with error %d\n", GetLastError());
    }
    CloseHandle(hTimer);

    // An APC queued to this thread runs at its next alertable wait, which returns WAIT_IO_COMPLETION.
    QueueUserAPC(QueuedAPC, GetCurrentThread(), 7);
    printf("Queued; a non-alertable Sleep(10) does not run it.\n");
    Sleep(10);
    dwResult = SleepEx(0, TRUE);
    printf("SleepEx(0, TRUE) = 0x%lX (WAIT_IO_COMPLETION is 0x%X)\n", (unsigned long)dwResult, WAIT_IO_COMPLETION);
    dwResult = SleepEx(0, TRUE);
    printf("Again, nothing queued: %lu\n", (unsigned long)dwResult);

    // A manual-reset timer without a completion routine: waited on like an event.
    hTimer = CreateWaitableTimer(NULL, TRUE, NULL);
    liDueTime.QuadPart = -200 * _MILLISECOND;
    SetWaitableTimer(hTimer, &liDueTime, 0, NULL, NULL, FALSE);
    printf("Before the due time: %lu\n", (unsigned long)WaitForSingleObject(hTimer, 0));
    dwResult = WaitForSingleObjectEx(hTimer, INFINITE, TRUE);
    printf("WaitForSingleObjectEx: %lu, and it stays signaled: %lu\n", (unsigned long)dwResult,
           (unsigned long)WaitForSingleObject(hTimer, 0));
    QueueUserAPC(QueuedAPC, GetCurrentThread(), 8);
    SetWaitableTimer(hTimer, &liDueTime, 0, NULL, NULL, FALSE);
    dwResult = WaitForSingleObjectEx(hTimer, INFINITE, TRUE);
    printf("With an APC queued, the alertable wait returns 0x%lX first\n", (unsigned long)dwResult);
    CloseHandle(hTimer);
    return 0;
}
