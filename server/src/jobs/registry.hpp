// The job kinds this process runs, each with its handler. The composition root registers the
// product's kinds (the learner import, exports…); tests register kinds of their own. A runner
// claims only kinds it has a handler for, so an instance that does not know a new kind (during a
// rolling upgrade) leaves it to one that does.
// Thread safety: add and find may be called from any thread.
#pragma once

#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "domain/error.hpp"

namespace lt::jobs {

class JobContext;

// Does the job's work. Returns the result (a JSON value shown as the job's `result`) or an Error
// (its message becomes the job's `error`). A handler that stops because ctx.cancelled() said so
// returns fail(stopped()). Handlers that change records must do so through ctx.commit (see
// job_context.hpp) so the change happens exactly once.
using Handler = std::function<domain::Result<nlohmann::json>(JobContext&)>;

class Registry {
 public:
  // Kinds are code identifiers: [a-z0-9_.]+. Throws std::invalid_argument otherwise. A second
  // handler for a kind replaces the first.
  void add(const std::string& kind, Handler handler);
  std::optional<Handler> find(const std::string& kind) const;
  std::vector<std::string> kinds() const;

 private:
  mutable std::mutex mutex_;
  std::map<std::string, Handler> handlers_;
};

// The error a handler returns when it stops early because ctx.cancelled() turned true.
domain::Error stopped();
// A failure given as a message for the user (it becomes the job's `error`):
// `return fail(jobs::failure("The file has no rows."));`
domain::Error failure(std::string message);

}  // namespace lt::jobs
