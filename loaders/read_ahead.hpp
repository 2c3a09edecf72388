#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

namespace newsgraph {

// Runs a producer on a second thread, ahead of the thread that consumes its items, in order: the
// producer fills one item per call (`produce(item)`, false at the end) and at most `ahead` filled
// items wait; the consumer take()s them one by one and hands each back when done with it, so the
// producer refills the same memory. An exception in the producer reaches the consumer at that
// point of the sequence. Destroying it stops the producer (after its current call) and joins it.
// The producer may touch its own state freely: everything it wrote before returning false (or
// throwing) is visible to the consumer once take() has returned false (or thrown).
template <typename T>
class ReadAhead {
public:
    ReadAhead(std::function<bool(T&)> produce, size_t ahead)
        : produce_(std::move(produce)), ahead_(ahead), worker_([this] { run(); }) {}
    ReadAhead(const ReadAhead&) = delete;
    ReadAhead& operator=(const ReadAhead&) = delete;
    ReadAhead(ReadAhead&&) = delete;
    ReadAhead& operator=(ReadAhead&&) = delete;
    ~ReadAhead() {
        {
            const std::lock_guard<std::mutex> lock(mutex_);
            stopping_ = true;
        }
        changed_.notify_all();
        worker_.join();
    }

    // Moves the next item into `item`, whose previous contents go back to the producer; false at
    // the end. Rethrows the producer's exception after the items it made before it.
    bool take(T& item) {
        std::unique_lock<std::mutex> lock(mutex_);
        spare_.push_back(std::move(item));
        item = T();
        changed_.wait(lock, [this] { return !ready_.empty() || done_; });
        if (ready_.empty()) {
            if (error_) {
                std::rethrow_exception(error_);
            }
            return false;
        }
        item = std::move(ready_.front());
        ready_.pop_front();
        changed_.notify_all();
        return true;
    }

private:
    void run() {
        while (true) {
            T item;
            {
                const std::lock_guard<std::mutex> lock(mutex_);
                if (stopping_) {
                    return;
                }
                if (!spare_.empty()) {
                    item = std::move(spare_.back());
                    spare_.pop_back();
                }
            }
            bool more = false;
            std::exception_ptr error;
            try {
                more = produce_(item);
            } catch (...) {
                error = std::current_exception();
            }
            std::unique_lock<std::mutex> lock(mutex_);
            if (more) {
                ready_.push_back(std::move(item));
            } else {
                done_ = true;
                error_ = error;
            }
            changed_.notify_all();
            if (!more) {
                return;
            }
            changed_.wait(lock, [this] { return stopping_ || ready_.size() < ahead_; });
        }
    }

    std::function<bool(T&)> produce_;
    size_t ahead_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<T> ready_;
    std::vector<T> spare_; // items the consumer is done with, refilled by the producer
    bool done_ = false;
    bool stopping_ = false;
    std::exception_ptr error_;
    std::thread worker_; // last: starts after everything it uses is constructed
};

} // namespace newsgraph
