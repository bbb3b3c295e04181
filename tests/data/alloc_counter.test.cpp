// The counting global operator new of gradus_data_tests (tests/support/alloc_counter.hpp), in a
// translation unit of its own so that no container code inlines the replaced functions.
#define GRADUS_TEST_DEFINE_ALLOC_COUNTER
#include <alloc_counter.hpp>
