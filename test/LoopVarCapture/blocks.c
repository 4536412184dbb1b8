// Blocks: a __block variable the loop changes, captured by a block that
// dispatch_async runs later. A block copies ordinary variables.
// RUN: %clang_analyze_cc1 -fblocks -isystem %inputs/threads \
// RUN:   -analyzer-checker=core,cvet.LoopVarCapture -verify %s

#include <dispatch/dispatch.h>

void use(int);

void block_variable_changed_by_loop(int n) {
  dispatch_queue_t q = dispatch_get_global_queue(0, 0);
  __block int i;
  for (i = 0; i < n; i++) // expected-note{{'i' is changed here while the block may still use it}}
    dispatch_async(q, ^{ use(i); }); // expected-warning{{'i' is captured by reference by the block scheduled here, and the loop changes 'i' before the block is known to have run}}
}

void block_variable_reused_for_each_item(const int *items, int n) {
  dispatch_queue_t q = dispatch_get_global_queue(0, 0);
  __block int current;
  for (int k = 0; k < n; k++) {
    current = items[k]; // expected-note{{'current' is changed here while the block may still use it}}
    dispatch_after(0, q, ^{ use(current); }); // expected-warning{{'current' is captured by reference by the block scheduled here, and the loop changes 'current' before the block is known to have run}}
  }
}

void no_warning_block_copies_plain_variable(int n) {
  dispatch_queue_t q = dispatch_get_global_queue(0, 0);
  for (int i = 0; i < n; i++)
    dispatch_async(q, ^{ use(i); }); // no-warning
}

void no_warning_dispatch_sync_runs_now(int n) {
  dispatch_queue_t q = dispatch_get_global_queue(0, 0);
  __block int i;
  for (i = 0; i < n; i++)
    dispatch_sync(q, ^{ use(i); }); // no-warning
}

void no_warning_block_variable_per_iteration(int n) {
  dispatch_queue_t q = dispatch_get_global_queue(0, 0);
  for (int i = 0; i < n; i++) {
    __block int sum = i; // moved to the heap with the block
    dispatch_async(q, ^{ sum++; use(sum); }); // no-warning
  }
}

void no_warning_block_variable_not_changed_by_loop(int n) {
  dispatch_queue_t q = dispatch_get_global_queue(0, 0);
  __block int total = 0;
  for (int i = 0; i < n; i++)
    dispatch_async(q, ^{ total += 1; }); // no-warning: only the block writes it
}
