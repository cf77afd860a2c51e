// Errors as values at boundaries: Result<T> holds a value or a one-line message.
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace sw {

struct Error {
    std::string message; // one line: names the file, the line or feature, and the problem
    // The request itself cannot be used (parameters out of range, a column that is not there),
    // as opposed to a failure while carrying it out; the CLI exits 2 for these, not 1.
    bool bad_request = false;
};

// A bad-request error (see Error::bad_request).
inline Error badRequest(std::string message) {
    return Error{std::move(message), true};
}

template <typename T> class [[nodiscard]] Result {
  public:
    Result(T value) : data_(std::move(value)) {}
    Result(Error error) : data_(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(data_); }
    explicit operator bool() const { return ok(); }

    T& value() & {
        assert(ok() && "Result::value() called on an error");
        return std::get<T>(data_);
    }
    const T& value() const& {
        assert(ok() && "Result::value() called on an error");
        return std::get<T>(data_);
    }
    T&& value() && {
        assert(ok() && "Result::value() called on an error");
        return std::get<T>(std::move(data_));
    }
    const std::string& error() const { return failure().message; }
    // The whole error, to pass on unchanged (message and kind).
    const Error& failure() const {
        assert(!ok() && "Result::failure() called on a value");
        return std::get<Error>(data_);
    }
    bool badRequest() const { return !ok() && failure().bad_request; }

  private:
    std::variant<T, Error> data_;
};

// For operations that return nothing but may fail.
struct Unit {};
using Status = Result<Unit>;
inline Status okStatus() {
    return Unit{};
}

} // namespace sw
