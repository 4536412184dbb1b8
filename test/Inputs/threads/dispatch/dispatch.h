// Mock libdispatch <dispatch/dispatch.h> for the cvet tests (needs -fblocks).
#pragma clang system_header
#ifndef CVET_MOCK_DISPATCH_H
#define CVET_MOCK_DISPATCH_H
typedef struct dispatch_queue_s *dispatch_queue_t;
typedef unsigned long long dispatch_time_t;
typedef void (^dispatch_block_t)(void);
dispatch_queue_t dispatch_get_global_queue(long identifier, unsigned long flags);
void dispatch_async(dispatch_queue_t queue, dispatch_block_t block);
void dispatch_sync(dispatch_queue_t queue, dispatch_block_t block);
void dispatch_after(dispatch_time_t when, dispatch_queue_t queue,
                    dispatch_block_t block);
#endif
