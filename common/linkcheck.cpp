// An empty source: the stage link checks (common/CMakeLists.txt) link a
// stage library whole into a shared object, which needs one source of its own.
