/* The rest of the NT native API: the DDK's types (ntdef.h / wdm.h: EVENT_TYPE, WAIT_TYPE, the
   information classes) on top of <winternl.h>, and every ntdll call in ntwasm/abi.h that uses them.
   The Windows SDK has no such header: programs define these themselves, so <winternl.h> does not
   include this one. The NTSTATUS values (STATUS_*) come from ntwasm/abi.h (abi/constants.ts). */
#ifndef NTWASM_NTDLL_H
#define NTWASM_NTDLL_H
#include <winternl.h>

typedef enum _EVENT_TYPE { NotificationEvent, SynchronizationEvent } EVENT_TYPE;
typedef enum _WAIT_TYPE { WaitAll, WaitAny } WAIT_TYPE;
typedef enum _EVENT_INFORMATION_CLASS { EventBasicInformation } EVENT_INFORMATION_CLASS;
typedef enum _MUTANT_INFORMATION_CLASS { MutantBasicInformation } MUTANT_INFORMATION_CLASS;
typedef enum _SEMAPHORE_INFORMATION_CLASS { SemaphoreBasicInformation } SEMAPHORE_INFORMATION_CLASS;
typedef enum _TIMER_TYPE { NotificationTimer, SynchronizationTimer } TIMER_TYPE;
typedef enum _TIMER_INFORMATION_CLASS { TimerBasicInformation } TIMER_INFORMATION_CLASS;
typedef VOID (NTAPI *PTIMER_APC_ROUTINE)(PVOID TimerContext, ULONG TimerLowValue, LONG TimerHighValue);
/* NtQueueApcThread's routine (Wine's and the DDK's name) */
typedef VOID (NTAPI *PNTAPCFUNC)(ULONG_PTR ApcArgument1, ULONG_PTR ApcArgument2, ULONG_PTR ApcArgument3);

typedef struct _EVENT_BASIC_INFORMATION { EVENT_TYPE EventType; LONG EventState; } EVENT_BASIC_INFORMATION, *PEVENT_BASIC_INFORMATION;
typedef struct _MUTANT_BASIC_INFORMATION {
  LONG CurrentCount; /* 1 free, 0 held once, -n held n + 1 times */
  BOOLEAN OwnedByCaller;
  BOOLEAN AbandonedState;
} MUTANT_BASIC_INFORMATION, *PMUTANT_BASIC_INFORMATION;
typedef struct _TIMER_BASIC_INFORMATION {
  LARGE_INTEGER RemainingTime; /* 100 ns until it fires */
  BOOLEAN TimerState; /* signaled */
} TIMER_BASIC_INFORMATION, *PTIMER_BASIC_INFORMATION;
typedef struct _SEMAPHORE_BASIC_INFORMATION { ULONG CurrentCount; ULONG MaximumCount; } SEMAPHORE_BASIC_INFORMATION, *PSEMAPHORE_BASIC_INFORMATION;

#define DUPLICATE_SAME_ATTRIBUTES 0x00000004

/* Files and named pipes (ntifs.h / wdm.h): NtQuery/SetInformationFile's classes, the named-pipe
   structures, NtCreateNamedPipeFile's values and NtFsControlFile's FSCTL_PIPE_* codes. */
typedef enum _FILE_INFORMATION_CLASS {
  FileDirectoryInformation = 1, FileFullDirectoryInformation, FileBothDirectoryInformation, FileBasicInformation,
  FileStandardInformation, FileInternalInformation, FileEaInformation, FileAccessInformation, FileNameInformation,
  FileRenameInformation, FileLinkInformation, FileNamesInformation, FileDispositionInformation, FilePositionInformation,
  FileFullEaInformation, FileModeInformation, FileAlignmentInformation, FileAllInformation, FileAllocationInformation,
  FileEndOfFileInformation, FileAlternateNameInformation, FileStreamInformation, FilePipeInformation,
  FilePipeLocalInformation, FilePipeRemoteInformation, FileMailslotQueryInformation, FileMailslotSetInformation,
  FileCompressionInformation, FileObjectIdInformation, FileCompletionInformation, FileMoveClusterInformation,
  FileQuotaInformation, FileReparsePointInformation, FileNetworkOpenInformation, FileAttributeTagInformation,
  FileTrackingInformation, FileIdBothDirectoryInformation, FileIdFullDirectoryInformation, FileValidDataLengthInformation,
  FileShortNameInformation, FileIoCompletionNotificationInformation, FileIoStatusBlockRangeInformation,
  FileIoPriorityHintInformation, FileSfioReserveInformation, FileSfioVolumeInformation, FileHardLinkInformation,
  FileProcessIdsUsingFileInformation, FileNormalizedNameInformation, FileNetworkPhysicalNameInformation,
  FileIdGlobalTxDirectoryInformation, FileIsRemoteDeviceInformation, FileUnusedInformation, FileNumaNodeInformation,
  FileStandardLinkInformation, FileRemoteProtocolInformation, FileMaximumInformation
} FILE_INFORMATION_CLASS, *PFILE_INFORMATION_CLASS;

typedef struct _FILE_STANDARD_INFORMATION {
  LARGE_INTEGER AllocationSize; LARGE_INTEGER EndOfFile; ULONG NumberOfLinks; BOOLEAN DeletePending; BOOLEAN Directory;
} FILE_STANDARD_INFORMATION, *PFILE_STANDARD_INFORMATION;
typedef struct _FILE_POSITION_INFORMATION { LARGE_INTEGER CurrentByteOffset; } FILE_POSITION_INFORMATION, *PFILE_POSITION_INFORMATION;
typedef struct _FILE_MODE_INFORMATION { ULONG Mode; } FILE_MODE_INFORMATION, *PFILE_MODE_INFORMATION;
typedef struct _FILE_ACCESS_INFORMATION { ACCESS_MASK AccessFlags; } FILE_ACCESS_INFORMATION, *PFILE_ACCESS_INFORMATION;
typedef struct _FILE_PIPE_INFORMATION { ULONG ReadMode; ULONG CompletionMode; } FILE_PIPE_INFORMATION, *PFILE_PIPE_INFORMATION;
typedef struct _FILE_PIPE_LOCAL_INFORMATION {
  ULONG NamedPipeType; ULONG NamedPipeConfiguration; ULONG MaximumInstances; ULONG CurrentInstances; ULONG InboundQuota;
  ULONG ReadDataAvailable; ULONG OutboundQuota; ULONG WriteQuotaAvailable; ULONG NamedPipeState; ULONG NamedPipeEnd;
} FILE_PIPE_LOCAL_INFORMATION, *PFILE_PIPE_LOCAL_INFORMATION;
typedef struct _FILE_PIPE_PEEK_BUFFER {
  ULONG NamedPipeState; ULONG ReadDataAvailable; ULONG NumberOfMessages; ULONG MessageLength; CHAR Data[1];
} FILE_PIPE_PEEK_BUFFER, *PFILE_PIPE_PEEK_BUFFER;
typedef struct _FILE_PIPE_WAIT_FOR_BUFFER {
  LARGE_INTEGER Timeout; ULONG NameLength; BOOLEAN TimeoutSpecified; WCHAR Name[1];
} FILE_PIPE_WAIT_FOR_BUFFER, *PFILE_PIPE_WAIT_FOR_BUFFER;

#define FILE_PIPE_BYTE_STREAM_TYPE 0x00000000
#define FILE_PIPE_MESSAGE_TYPE 0x00000001
#define FILE_PIPE_BYTE_STREAM_MODE 0x00000000
#define FILE_PIPE_MESSAGE_MODE 0x00000001
#define FILE_PIPE_QUEUE_OPERATION 0x00000000
#define FILE_PIPE_COMPLETE_OPERATION 0x00000001
#define FILE_PIPE_INBOUND 0x00000000
#define FILE_PIPE_OUTBOUND 0x00000001
#define FILE_PIPE_FULL_DUPLEX 0x00000002
#define FILE_PIPE_DISCONNECTED_STATE 0x00000001
#define FILE_PIPE_LISTENING_STATE 0x00000002
#define FILE_PIPE_CONNECTED_STATE 0x00000003
#define FILE_PIPE_CLOSING_STATE 0x00000004
#define FILE_PIPE_CLIENT_END 0x00000000
#define FILE_PIPE_SERVER_END 0x00000001

/* CTL_CODE(FILE_DEVICE_NAMED_PIPE, n, method, access) */
#define FSCTL_PIPE_ASSIGN_EVENT 0x00110000
#define FSCTL_PIPE_DISCONNECT 0x00110004
#define FSCTL_PIPE_LISTEN 0x00110008
#define FSCTL_PIPE_PEEK 0x0011400c
#define FSCTL_PIPE_QUERY_EVENT 0x00110010
#define FSCTL_PIPE_TRANSCEIVE 0x0011c017
#define FSCTL_PIPE_WAIT 0x00110018
#define FSCTL_PIPE_IMPERSONATE 0x0011001c
#define FSCTL_PIPE_SET_CLIENT_PROCESS 0x00110020
#define FSCTL_PIPE_QUERY_CLIENT_PROCESS 0x00110024
#define FSCTL_PIPE_GET_CONNECTION_ATTRIBUTE 0x00110030


/* I/O completion ports (ntifs.h / wdm.h): NtRemoveIoCompletionEx's entries (the layout of kernel32's
   OVERLAPPED_ENTRY), NtQueryIoCompletion's class, and FileCompletionInformation /
   FileIoCompletionNotificationInformation for NtSetInformationFile. */
typedef struct _FILE_IO_COMPLETION_INFORMATION {
  ULONG_PTR CompletionKey; ULONG_PTR CompletionValue; IO_STATUS_BLOCK IoStatusBlock;
} FILE_IO_COMPLETION_INFORMATION, *PFILE_IO_COMPLETION_INFORMATION;
typedef enum _IO_COMPLETION_INFORMATION_CLASS { IoCompletionBasicInformation } IO_COMPLETION_INFORMATION_CLASS;
typedef struct _IO_COMPLETION_BASIC_INFORMATION { LONG Depth; } IO_COMPLETION_BASIC_INFORMATION, *PIO_COMPLETION_BASIC_INFORMATION;
typedef struct _FILE_COMPLETION_INFORMATION { HANDLE Port; PVOID Key; } FILE_COMPLETION_INFORMATION, *PFILE_COMPLETION_INFORMATION;
typedef struct _FILE_IO_COMPLETION_NOTIFICATION_INFORMATION { ULONG Flags; }
  FILE_IO_COMPLETION_NOTIFICATION_INFORMATION, *PFILE_IO_COMPLETION_NOTIFICATION_INFORMATION;

#define NTWASM_NT_TYPES 1
#include "ntwasm/abi.h"
#endif /* NTWASM_NTDLL_H */
