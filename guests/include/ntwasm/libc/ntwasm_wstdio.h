/* placeholder: the wide stdio helper owns this file (created empty by the wide-library helper for testing). */
