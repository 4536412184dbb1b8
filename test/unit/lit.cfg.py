# lit configuration for the gtest unit tests: every test of every *Tests
# binary in the build's test/unit is one lit test.
import lit.formats

config.name = "cvet-unit"
config.test_format = lit.formats.GoogleTest(".", "Tests")
config.test_source_root = config.cvet_unit_dir
config.test_exec_root = config.cvet_unit_dir
