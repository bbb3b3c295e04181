// Carries the precompiled header that the test executables reuse.
