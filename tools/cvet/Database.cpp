//===- Database.cpp - the compilation database the driver reads -----------===//

#include "Database.h"
#include "Paths.h"

#include "clang/Tooling/JSONCompilationDatabase.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/VirtualFileSystem.h"

using namespace llvm;
using namespace cvet;
namespace tooling = clang::tooling;

namespace {

/// Real databases are not always written by CMake: a "directory" may be
/// relative, which (as in Bear's and hand-written databases) means relative
/// to the database file, not to wherever cvet happens to be started.
class AbsoluteDirectoryDatabase : public tooling::CompilationDatabase {
public:
  AbsoluteDirectoryDatabase(std::unique_ptr<tooling::CompilationDatabase> Base,
                            std::string DBDir)
      : Base(std::move(Base)), DBDir(std::move(DBDir)) {}
  std::vector<tooling::CompileCommand>
  getCompileCommands(StringRef File) const override {
    return fix(Base->getCompileCommands(File));
  }
  std::vector<std::string> getAllFiles() const override {
    return Base->getAllFiles();
  }
  std::vector<tooling::CompileCommand> getAllCompileCommands() const override {
    return fix(Base->getAllCompileCommands());
  }

private:
  std::vector<tooling::CompileCommand>
  fix(std::vector<tooling::CompileCommand> Commands) const {
    for (tooling::CompileCommand &C : Commands)
      C.Directory = absolutePath(C.Directory, DBDir);
    return Commands;
  }
  std::unique_ptr<tooling::CompilationDatabase> Base;
  std::string DBDir;
};

Error error(const Twine &Message) {
  return createStringError(inconvertibleErrorCode(), Message);
}

Expected<std::string> databasePath(StringRef BuildPath, StringRef Cwd) {
  if (BuildPath.empty()) {
    for (StringRef Dir = Cwd; !Dir.empty(); Dir = sys::path::parent_path(Dir)) {
      SmallString<256> File(Dir);
      sys::path::append(File, "compile_commands.json");
      if (sys::fs::exists(File))
        return std::string(File);
    }
    return error("no compile_commands.json in '" + Cwd +
                 "' or its parents; pass -p <build-path>");
  }
  std::string Path = absolutePath(BuildPath, Cwd);
  if (sys::fs::is_directory(Path)) {
    SmallString<256> File(Path);
    sys::path::append(File, "compile_commands.json");
    Path = std::string(File);
  }
  if (!sys::fs::exists(Path))
    return error("no compilation database at '" + Path + "'");
  return Path;
}

} // namespace

Expected<std::unique_ptr<tooling::CompilationDatabase>>
cvet::loadDatabase(StringRef BuildPath, StringRef Cwd) {
  using tooling::JSONCompilationDatabase;
  using tooling::JSONCommandLineSyntax;
  Expected<std::string> Path = databasePath(BuildPath, Cwd);
  if (!Path)
    return Path.takeError();
  // The database's own YAML reader prints syntax errors to stderr itself;
  // check the JSON first so that a broken file gets one line from us.
  ErrorOr<std::unique_ptr<MemoryBuffer>> Buffer = MemoryBuffer::getFile(*Path);
  if (!Buffer)
    return error("cannot read compilation database '" + *Path +
                 "': " + Buffer.getError().message());
  // A byte-order mark (Windows editors, PowerShell) is not JSON.
  StringRef Text = (*Buffer)->getBuffer();
  Text.consume_front("\xEF\xBB\xBF");
  if (Expected<json::Value> V = json::parse(Text); !V)
    return error("malformed compilation database '" + *Path +
                 "': " + toString(V.takeError()));
  std::string Error;
  std::unique_ptr<tooling::CompilationDatabase> DB =
      JSONCompilationDatabase::loadFromBuffer(
          Text, Error, JSONCommandLineSyntax::AutoDetect);
  if (!DB)
    return error("malformed compilation database '" + *Path + "': " + Error);
  // Response files (@flags.rsp, relative to the command's directory) are
  // expanded once the directories are absolute.
  return tooling::expandResponseFiles(
      std::make_unique<AbsoluteDirectoryDatabase>(
          std::move(DB), sys::path::parent_path(*Path).str()),
      vfs::getRealFileSystem());
}
