# Install layout and the Debian package, one per LLVM major. Included by the
# top-level CMakeLists.txt after every target exists, so that the tools
# another build option adds (cvet-clangd, the clang-tidy module) are installed
# when they are built and skipped when they are not.
#
#   bin/cvet, bin/cvet-clangd                the driver, clangd with the checks
#   lib/cvet/llvm-<N>/cvet.so                the plugin for clang-<N> / scan-build
#   lib/cvet/llvm-<N>/<tidy module>.so       the module for clang-tidy-<N> --load
#   share/cvet/models/*.yaml                 the default API models (compiled in;
#                                            here to read and to start from)
#   share/doc/cvet/                          README and docs/
set(CVET_PLUGIN_INSTALL_DIR lib/cvet/llvm-${LLVM_VERSION_MAJOR})

# Debian's libclang-cpp<N> and libllvm<N> are in the loader's path; an LLVM
# installed elsewhere (-DLLVM_DIR) is found through the binaries' run path.
# (A run path into /usr/lib/llvm-<N>/lib would also hide libLLVM's package
# from dpkg-shlibdeps: the file there is llvm-<N>-dev's symlink.)
if(NOT LLVM_LIBRARY_DIR MATCHES "^/usr/lib/llvm-[0-9]+/lib$")
  foreach(t cvet cvet-clangd cvetPlugin cvet-tidy-plugin)
    if(TARGET ${t})
      set_target_properties(${t} PROPERTIES INSTALL_RPATH "${LLVM_LIBRARY_DIR}")
    endif()
  endforeach()
endif()
foreach(t cvet cvet-clangd)
  if(TARGET ${t})
    install(TARGETS ${t} RUNTIME DESTINATION bin)
  endif()
endforeach()
foreach(t cvetPlugin cvet-tidy-plugin)
  if(TARGET ${t})
    install(TARGETS ${t} LIBRARY DESTINATION ${CVET_PLUGIN_INSTALL_DIR})
  endif()
endforeach()
install(DIRECTORY ${PROJECT_SOURCE_DIR}/lib/models/ DESTINATION share/cvet/models
  FILES_MATCHING PATTERN "*.yaml")
install(FILES ${PROJECT_SOURCE_DIR}/README.md DESTINATION share/doc/cvet)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/docs/ DESTINATION share/doc/cvet)

# cpack (in the build directory) writes cvet-llvm<N>_<version>_<arch>.deb.
# Its Depends are what dpkg-shlibdeps finds the binaries linked against
# (libclang-cpp<N>, libllvm<N>, libc6, libstdc++6, ...) plus clang-<N>, whose
# resource directory the driver uses and which hosts the plugin. Packages for
# different majors install the same bin/cvet, so they replace one another.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME cvet-llvm${LLVM_VERSION_MAJOR})
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR cvet)
set(CPACK_PACKAGE_CONTACT "cvet developers <${CVET_HOMEPAGE}>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
  "Clang Static Analyzer checks for the bugs Go's vet catches (LLVM ${LLVM_VERSION_MAJOR})")
set(CPACK_PACKAGE_DESCRIPTION
  "cvet finds iterators that are never closed and loop variables handed to\n\
threads that outlive the iteration, in C and C++. It ships a driver that\n\
analyses a compilation database and writes SARIF, a plugin for\n\
clang-${LLVM_VERSION_MAJOR} and scan-build-${LLVM_VERSION_MAJOR}, and its API models.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE ${CVET_HOMEPAGE})
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "clang-${LLVM_VERSION_MAJOR}")
# cvet-pre-commit runs in a git work tree; scan-build and clang-tidy take the
# plugins.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS git)
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "clang-tools-${LLVM_VERSION_MAJOR}, clang-tidy-${LLVM_VERSION_MAJOR}")
set(CPACK_DEBIAN_PACKAGE_PROVIDES cvet)
set(CPACK_DEBIAN_PACKAGE_CONFLICTS cvet)
set(CPACK_DEBIAN_PACKAGE_REPLACES cvet)
set(CPACK_PACKAGE_DIRECTORY ${PROJECT_BINARY_DIR}/package)
include(CPack)
