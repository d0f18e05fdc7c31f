/* FormatMessage's system message texts (messages.gen.c, generated from abi/messages.ts). */
#ifndef NTWASM_RUNTIME_MESSAGES_H
#define NTWASM_RUNTIME_MESSAGES_H
struct ntwasm_message { unsigned code; const char *text; /* UTF-8, without the trailing CRLF */ };
extern const struct ntwasm_message __ntwasm_messages[];
extern const unsigned __ntwasm_message_count;
#endif
