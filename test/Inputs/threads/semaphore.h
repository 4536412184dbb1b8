// Mock <semaphore.h> for the cvet tests.
#pragma clang system_header
#ifndef CVET_MOCK_SEMAPHORE_H
#define CVET_MOCK_SEMAPHORE_H
typedef struct { int opaque; } sem_t;
int sem_init(sem_t *s, int shared, unsigned value);
int sem_wait(sem_t *s);
int sem_post(sem_t *s);
#endif
