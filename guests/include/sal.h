/*
 * ntwasm's <sal.h>: Microsoft's source-code annotation language (SAL 2 and the older SAL 1 `__in`
 * spellings) as empty macros. The annotations only matter to MSVC's /analyze; Windows headers and
 * programs write them on parameters, results, structure fields and functions, so each one must
 * vanish here. <windows.h> includes this file.
 *
 * Left out on purpose, because C and C++ headers use these names as ordinary identifiers:
 * `__reserved` (wasi-libc's struct stat has a field of that name), `__null` (a compiler keyword in
 * C++) and, in C++, `__allocator` (libc++). Function-like ones (`__success(x)`) are harmless.
 */
#ifndef NTWASM_SAL_H
#define NTWASM_SAL_H
#define _SAL_VERSION 20
#define SAL_ANNOTATIONS_NTWASM 1

/* ---- SAL 2: parameters ---- */
#define _In_
#define _In_opt_
#define _In_z_
#define _In_opt_z_
#define _In_reads_(size)
#define _In_reads_opt_(size)
#define _In_reads_bytes_(size)
#define _In_reads_bytes_opt_(size)
#define _In_reads_z_(size)
#define _In_reads_opt_z_(size)
#define _In_reads_or_z_(size)
#define _In_reads_or_z_opt_(size)
#define _In_reads_to_ptr_(ptr)
#define _In_reads_to_ptr_opt_(ptr)
#define _In_reads_to_ptr_z_(ptr)
#define _In_reads_to_ptr_opt_z_(ptr)
#define _In_NLS_string_(size)
#define _In_range_(lo, hi)
#define _In_defensive_(annotes)
#define _In_count_(size)
#define _In_opt_count_(size)
#define _In_bytecount_(size)
#define _In_opt_bytecount_(size)
#define _In_z_count_(size)
#define _In_count_c_(size)
#define _In_bytecount_c_(size)
#define _In_ptrdiff_count_(size)
#define _Out_
#define _Out_opt_
#define _Out_writes_(size)
#define _Out_writes_opt_(size)
#define _Out_writes_z_(size)
#define _Out_writes_opt_z_(size)
#define _Out_writes_bytes_(size)
#define _Out_writes_bytes_opt_(size)
#define _Out_writes_to_(size, count)
#define _Out_writes_to_opt_(size, count)
#define _Out_writes_all_(size)
#define _Out_writes_all_opt_(size)
#define _Out_writes_bytes_to_(size, count)
#define _Out_writes_bytes_to_opt_(size, count)
#define _Out_writes_bytes_all_(size)
#define _Out_writes_bytes_all_opt_(size)
#define _Out_writes_to_ptr_(ptr)
#define _Out_writes_to_ptr_opt_(ptr)
#define _Out_writes_to_ptr_z_(ptr)
#define _Out_range_(lo, hi)
#define _Out_defensive_(annotes)
#define _Out_z_cap_(size)
#define _Out_cap_(size)
#define _Out_opt_cap_(size)
#define _Out_bytecap_(size)
#define _Out_opt_bytecap_(size)
#define _Out_z_bytecap_(size)
#define _Out_cap_c_(size)
#define _Out_bytecap_c_(size)
#define _Out_z_cap_c_(size)
#define _Out_cap_post_count_(cap, count)
#define _Out_z_cap_post_count_(cap, count)
#define _Out_bytecap_post_bytecount_(cap, count)
#define _Out_capcount_(size)
#define _Out_bytecapcount_(size)
#define _Inout_
#define _Inout_opt_
#define _Inout_z_
#define _Inout_opt_z_
#define _Inout_updates_(size)
#define _Inout_updates_opt_(size)
#define _Inout_updates_z_(size)
#define _Inout_updates_opt_z_(size)
#define _Inout_updates_to_(size, count)
#define _Inout_updates_to_opt_(size, count)
#define _Inout_updates_all_(size)
#define _Inout_updates_all_opt_(size)
#define _Inout_updates_bytes_(size)
#define _Inout_updates_bytes_opt_(size)
#define _Inout_updates_bytes_to_(size, count)
#define _Inout_updates_bytes_to_opt_(size, count)
#define _Inout_updates_bytes_all_(size)
#define _Inout_updates_bytes_all_opt_(size)
#define _Inout_defensive_(annotes)
#define _Inout_cap_(size)
#define _Inout_opt_cap_(size)
#define _Inout_bytecap_(size)
#define _Inout_z_cap_(size)
#define _Inout_count_(size)
#define _Inout_bytecount_(size)
#define _Outptr_
#define _Outptr_opt_
#define _Outptr_result_maybenull_
#define _Outptr_opt_result_maybenull_
#define _Outptr_result_z_
#define _Outptr_opt_result_z_
#define _Outptr_result_maybenull_z_
#define _Outptr_opt_result_maybenull_z_
#define _Outptr_result_nullonfailure_
#define _Outptr_opt_result_nullonfailure_
#define _Outptr_result_buffer_(size)
#define _Outptr_opt_result_buffer_(size)
#define _Outptr_result_buffer_to_(size, count)
#define _Outptr_opt_result_buffer_to_(size, count)
#define _Outptr_result_buffer_all_(size)
#define _Outptr_result_buffer_maybenull_(size)
#define _Outptr_opt_result_buffer_maybenull_(size)
#define _Outptr_result_bytebuffer_(size)
#define _Outptr_opt_result_bytebuffer_(size)
#define _Outptr_result_bytebuffer_to_(size, count)
#define _Outptr_opt_result_bytebuffer_to_(size, count)
#define _Outptr_result_bytebuffer_all_(size)
#define _Outptr_result_bytebuffer_maybenull_(size)
#define _Outptr_opt_result_bytebuffer_maybenull_(size)
#define _Outref_
#define _Outref_result_maybenull_
#define _Outref_result_nullonfailure_
#define _Outref_result_buffer_(size)
#define _Outref_result_bytebuffer_(size)
#define _COM_Outptr_
#define _COM_Outptr_opt_
#define _COM_Outptr_result_maybenull_
#define _COM_Outptr_opt_result_maybenull_
#define _Deref_out_
#define _Deref_out_opt_
#define _Deref_out_z_
#define _Deref_out_opt_z_
#define _Deref_opt_out_
#define _Deref_opt_out_opt_
#define _Deref_opt_out_z_
#define _Deref_out_range_(lo, hi)
#define _Deref_in_range_(lo, hi)
#define _Deref_inout_range_(lo, hi)
#define _Deref_inout_z_
#define _Deref_in_z_
#define _Deref_out_z_cap_c_(size)
#define _Deref_pre_z_
#define _Deref_pre_opt_z_
#define _Deref_pre_maybenull_
#define _Deref_pre_notnull_
#define _Deref_pre_null_
#define _Deref_pre_valid_
#define _Deref_pre_readonly_
#define _Deref_pre_writeonly_
#define _Deref_post_z_
#define _Deref_post_opt_z_
#define _Deref_post_maybenull_
#define _Deref_post_notnull_
#define _Deref_post_null_
#define _Deref_post_valid_
#define _Deref_post_cap_(size)
#define _Deref_post_bytecap_(size)
#define _Deref_post_count_(size)
#define _Deref_post_bytecount_(size)
#define _Deref_ret_z_
#define _Deref_ret_range_(lo, hi)
#define _Deref2_pre_readonly_

/* ---- SAL 2: results and functions ---- */
#define _Ret_
#define _Ret_z_
#define _Ret_opt_
#define _Ret_opt_z_
#define _Ret_null_
#define _Ret_notnull_
#define _Ret_maybenull_
#define _Ret_maybenull_z_
#define _Ret_valid_
#define _Ret_writes_(size)
#define _Ret_writes_z_(size)
#define _Ret_writes_maybenull_(size)
#define _Ret_writes_maybenull_z_(size)
#define _Ret_writes_bytes_(size)
#define _Ret_writes_bytes_maybenull_(size)
#define _Ret_writes_to_(size, count)
#define _Ret_writes_to_maybenull_(size, count)
#define _Ret_writes_bytes_to_(size, count)
#define _Ret_writes_bytes_to_maybenull_(size, count)
#define _Ret_range_(lo, hi)
#define _Ret_cap_(size)
#define _Ret_bytecap_(size)
#define _Ret_count_(size)
#define _Ret_bytecount_(size)
#define _Ret_z_count_(size)
#define _Ret_opt_cap_(size)
#define _Ret_opt_bytecap_(size)
#define _Ret_opt_count_(size)
#define _Ret_opt_bytecount_(size)
#define _Result_nullonfailure_
#define _Result_zeroonfailure_
#define _Success_(expr)
#define _Return_type_success_(expr)
#define _Check_return_
#define _Must_inspect_result_
#define _Use_decl_annotations_
#define _Function_class_(name)
#define _Raises_SEH_exception_
#define _Maybe_raises_SEH_exception_
#define _Analysis_noreturn_
#define _Analysis_assume_(expr)
#define _Analysis_assume_nullterminated_(x)
#define _Analysis_mode_(mode)
#define _Analysis_suppress_lock_checking_(lock)
#define _Frees_ptr_
#define _Frees_ptr_opt_
#define _Post_ptr_invalid_
#define _Reallocation_function_(after, before, size)
#define _Allocator_
#define _Callback_
#define _Inexpressible_(expr)
#define _Notref_
#define _Const_
#define _Reserved_
#define _Pre_defensive_
#define _Post_defensive_
#define _Check_return_opt_
#define _Check_return_wat_
#define _Printf_format_string_
#define _Scanf_format_string_
#define _Scanf_s_format_string_
#define _Printf_format_string_params_(x)
#define _Scanf_format_string_params_(x)
#define _Scanf_s_format_string_params_(x)
#define _Format_string_impl_(kind, where)
#define _Param_(n)
#define _Old_(expr) (expr)
#define _Curr_
#define _Nullterm_length_(x)
#define _String_length_(x)
#define _Pre_count_(size)
#define _Pre_bytecount_(size)
#define _Pre_cap_(size)
#define _Pre_bytecap_(size)
#define _Pre_z_cap_(size)
#define _Post_count_(size)
#define _Post_bytecount_(size)
#define _Post_cap_(size)
#define _Post_bytecap_(size)

/* ---- SAL 2: conditions, pre/post states ---- */
#define _Pre_
#define _Post_
#define _Pre_satisfies_(expr)
#define _Post_satisfies_(expr)
#define _Satisfies_(expr)
#define _When_(expr, annotes)
#define _At_(target, annotes)
#define _At_buffer_(target, iter, bound, annotes)
#define _Group_(annotes)
#define _On_failure_(annotes)
#define _Always_(annotes)
#define _Pre_equal_to_(expr)
#define _Post_equal_to_(expr)
#define _Unchanged_(expr)
#define _Pre_z_
#define _Pre_opt_z_
#define _Pre_valid_
#define _Pre_opt_valid_
#define _Pre_invalid_
#define _Pre_unknown_
#define _Pre_notnull_
#define _Pre_maybenull_
#define _Pre_null_
#define _Pre_readonly_
#define _Pre_writeonly_
#define _Pre_readable_size_(size)
#define _Pre_readable_byte_size_(size)
#define _Pre_writable_size_(size)
#define _Pre_writable_byte_size_(size)
#define _Pre_opt_readable_size_(size)
#define _Pre_opt_writable_size_(size)
#define _Post_z_
#define _Post_valid_
#define _Post_invalid_
#define _Post_notnull_
#define _Post_maybenull_
#define _Post_null_
#define _Post_maybez_
#define _Post_readable_size_(size)
#define _Post_readable_byte_size_(size)
#define _Post_writable_size_(size)
#define _Post_writable_byte_size_(size)
#define _Null_terminated_
#define _NullNull_terminated_
#define _Notnull_
#define _Maybenull_
#define _Null_
#define _Valid_
#define _Notvalid_
#define _Maybevalid_
#define _Readable_bytes_(size)
#define _Readable_elements_(size)
#define _Writable_bytes_(size)
#define _Writable_elements_(size)
#define _Points_to_data_
#define _Literal_
#define _Notliteral_
#define _Strict_type_match_
#define _Pre_in_range_(lo, hi)
#define _Post_in_range_(lo, hi)
#define _Field_range_(lo, hi)

/* ---- SAL 2: structure fields ---- */
#define _Field_size_(size)
#define _Field_size_opt_(size)
#define _Field_size_bytes_(size)
#define _Field_size_bytes_opt_(size)
#define _Field_size_part_(size, count)
#define _Field_size_part_opt_(size, count)
#define _Field_size_bytes_part_(size, count)
#define _Field_size_bytes_part_opt_(size, count)
#define _Field_size_full_(size)
#define _Field_size_full_opt_(size)
#define _Field_size_bytes_full_(size)
#define _Field_size_bytes_full_opt_(size)
#define _Field_z_
#define _Struct_size_bytes_(size)

/* ---- SAL 2: locking ---- */
#define _Acquires_lock_(lock)
#define _Releases_lock_(lock)
#define _Requires_lock_held_(lock)
#define _Requires_lock_not_held_(lock)
#define _Requires_no_locks_held_
#define _Acquires_exclusive_lock_(lock)
#define _Releases_exclusive_lock_(lock)
#define _Requires_exclusive_lock_held_(lock)
#define _Acquires_shared_lock_(lock)
#define _Releases_shared_lock_(lock)
#define _Requires_shared_lock_held_(lock)
#define _Acquires_nonreentrant_lock_(lock)
#define _Releases_nonreentrant_lock_(lock)
#define _Guarded_by_(lock)
#define _Write_guarded_by_(lock)
#define _Interlocked_
#define _Interlocked_operand_
#define _No_competing_thread_
#define _No_competing_thread_begin_
#define _No_competing_thread_end_
#define _Benign_race_begin_
#define _Benign_race_end_
#define _Create_lock_level_(level)
#define _Has_lock_kind_(kind)
#define _Has_lock_level_(level)
#define _Lock_level_order_(a, b)
#define _Post_same_lock_(a, b)
#define _Internal_set_lock_count_(lock, count)

/* ---- SAL 1 (the __in spellings of older headers) ---- */
#define __in
#define __in_opt
#define __in_z
#define __in_z_opt
#define __in_opt_z
#define __in_ecount(size)
#define __in_bcount(size)
#define __in_ecount_opt(size)
#define __in_bcount_opt(size)
#define __in_ecount_z(size)
#define __in_bcount_z(size)
#define __in_ecount_z_opt(size)
#define __in_bcount_z_opt(size)
#define __in_xcount(size)
#define __in_xcount_opt(size)
#define __in_range(lo, hi)
#define __out
#define __out_opt
#define __out_z
#define __out_z_opt
#define __out_ecount(size)
#define __out_bcount(size)
#define __out_ecount_opt(size)
#define __out_bcount_opt(size)
#define __out_ecount_part(size, length)
#define __out_bcount_part(size, length)
#define __out_ecount_part_opt(size, length)
#define __out_bcount_part_opt(size, length)
#define __out_ecount_full(size)
#define __out_bcount_full(size)
#define __out_ecount_full_opt(size)
#define __out_bcount_full_opt(size)
#define __out_ecount_z(size)
#define __out_bcount_z(size)
#define __out_ecount_z_opt(size)
#define __out_bcount_z_opt(size)
#define __out_ecount_part_z(size, length)
#define __out_bcount_part_z(size, length)
#define __out_ecount_full_z(size)
#define __out_bcount_full_z(size)
#define __out_xcount(size)
#define __out_xcount_opt(size)
#define __out_range(lo, hi)
#define __inout
#define __inout_opt
#define __inout_z
#define __inout_z_opt
#define __inout_ecount(size)
#define __inout_bcount(size)
#define __inout_ecount_opt(size)
#define __inout_bcount_opt(size)
#define __inout_ecount_part(size, length)
#define __inout_bcount_part(size, length)
#define __inout_ecount_full(size)
#define __inout_bcount_full(size)
#define __inout_ecount_z(size)
#define __inout_bcount_z(size)
#define __inout_xcount(size)
#define __deref_in
#define __deref_in_opt
#define __deref_in_ecount(size)
#define __deref_in_bcount(size)
#define __deref_out
#define __deref_out_opt
#define __deref_out_z
#define __deref_out_ecount(size)
#define __deref_out_bcount(size)
#define __deref_out_ecount_opt(size)
#define __deref_out_bcount_opt(size)
#define __deref_out_ecount_part(size, length)
#define __deref_out_bcount_part(size, length)
#define __deref_out_ecount_full(size)
#define __deref_out_bcount_full(size)
#define __deref_out_ecount_z(size)
#define __deref_out_bcount_z(size)
#define __deref_out_range(lo, hi)
#define __deref_inout
#define __deref_inout_opt
#define __deref_inout_z
#define __deref_inout_ecount(size)
#define __deref_inout_bcount(size)
#define __deref_opt_in
#define __deref_opt_out
#define __deref_opt_out_opt
#define __deref_opt_inout
#define __deref_opt_inout_opt
#define __deref_out_nullterminated
#define __ecount(size)
#define __bcount(size)
#define __xcount(size)
#define __ecount_opt(size)
#define __bcount_opt(size)
#define __field_ecount(size)
#define __field_bcount(size)
#define __field_ecount_opt(size)
#define __field_bcount_opt(size)
#define __field_ecount_part(size, init)
#define __field_bcount_part(size, init)
#define __field_ecount_part_opt(size, init)
#define __field_bcount_part_opt(size, init)
#define __field_ecount_full(size)
#define __field_bcount_full(size)
#define __field_xcount(size)
#define __field_range(lo, hi)
#define __field_nullterminated
#define __out_awcount(expr, size)
#define __in_awcount(expr, size)
#define __nullterminated
#define __nullnullterminated
#define __notnull
#define __maybenull
#define __valid
#define __notvalid
#define __maybevalid
#define __readonly
#define __refparam
#define __checkReturn
#define __success(expr)
#define __typefix(ctype)
#define __callback
#define __format_string
#define __override
#define __fallthrough
#define __blocksOn(resource)
#define __control_entrypoint(category)
#define __data_entrypoint(category)
#define __analysis_assume(expr)
#define __analysis_assert(expr)
#define __assume_bound(x)
#define __range(lo, hi)
#define __in_data_source(src)
#define __out_data_source(src)
#define __this_out_data_source(src)
#define __out_validated(x)
#define __post
#define __pre
#define __exceptthat
#define __execeptthat
#define __inner_checkReturn
#define __inner_typefix(ctype)
#define __inner_override
#define __inner_callback
#define __inner_blocksOn(resource)
#define __inexpressible_readableTo(size)
#define __inexpressible_writableTo(size)
#define __byte_readableTo(size)
#define __byte_writableTo(size)
#define __elem_readableTo(size)
#define __elem_writableTo(size)
#define __post_invalid
#define __possibly_notnullterminated
#define __file_parser(x)
#define __file_parser_class(x)
#define __file_parser_library(x)
#define __source_code_content(x)
#define __class_code_content(x)
#define __analysis_hint(hint)
#define __drv_aliasesMem
#define __drv_allocatesMem(kind)
#define __drv_freesMem(kind)
#define __drv_arg(expr, annotes)
#define __drv_when(cond, annotes)
#define __drv_in(annotes)
#define __drv_out(annotes)
#define __drv_at(expr, annotes)
#define __drv_maxIRQL(irql)
#define __drv_minIRQL(irql)
#define __drv_requiresIRQL(irql)
#define __drv_setsIRQL(irql)
#define __drv_savesIRQL
#define __drv_restoresIRQL
#define __drv_dispatchType(type)
#define __drv_preferredFunction(func, why)
#define __drv_reportError(why)
#define __drv_valueIs(arglist)
#define __drv_acquiresResource(kind)
#define __drv_releasesResource(kind)
#define __drv_mustHold(kind)
#define __drv_neverHold(kind)
#define __drv_inTry
#define __drv_notInTry
#define __drv_formatString(kind)
#define __drv_functionClass(x)
#define __drv_sameIRQL
#define __drv_clearDoInit(yesNo)
#define __drv_useCancelIRQL
#ifndef __cplusplus
#define __allocator
#endif

#endif /* NTWASM_SAL_H */
