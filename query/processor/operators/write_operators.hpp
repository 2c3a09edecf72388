#pragma once

#include <optional>
#include <string>
#include <vector>

#include "query/ast/statement.hpp"
#include "query/processor/operator.hpp"
#include "query/processor/subplan.hpp"

namespace newsgraph {

// What CREATE (and MERGE, when nothing matched) makes for one pattern part.
struct CreateNodeSpec {
    size_t slot = 0;
    bool bound = false;              // an existing node from the row
    std::vector<std::string> labels;
    const ast::Expr* properties = nullptr;
};
struct CreateRelSpec {
    size_t slot = 0;
    size_t fromNode = 0;             // index into the part's nodes
    size_t toNode = 0;
    std::string type;
    const ast::Expr* properties = nullptr;
};
struct CreatePartSpec {
    std::vector<CreateNodeSpec> nodes;
    std::vector<CreateRelSpec> rels;
};

// Write clauses see every input row first (they are eager), then change the graph row by row,
// then emit the rows, the graph frozen again for the clauses that follow.
class WriteOperator : public Operator {
public:
    void open(ExecutionContext& context) override;
    bool next(ExecutionContext& context, Chunk& out) override;
    // Performs the writes if no one pulled this operator (LIMIT 0 above it): writes happen anyway.
    void runIfPending(ExecutionContext& context);

protected:
    // Changes the graph for one row, filling new slots of `row`; may emit several rows.
    virtual void write(ExecutionContext& context, std::vector<Value>& row, std::vector<std::vector<Value>>& output) = 0;
    virtual void finish(ExecutionContext& /*context*/) {}

private:
    std::vector<std::vector<Value>> rows_;
    bool done_ = false;
    size_t position_ = 0;
};

class Create final : public WriteOperator {
public:
    explicit Create(std::vector<CreatePartSpec> parts) : parts_(std::move(parts)) {}
    std::string describe() const override { return "Create"; }

protected:
    void write(ExecutionContext& context, std::vector<Value>& row, std::vector<std::vector<Value>>& output) override;

private:
    std::vector<CreatePartSpec> parts_;
};

// SET and REMOVE items, bound: their expressions have slots.
class SetProperties final : public WriteOperator {
public:
    SetProperties(const std::vector<ast::SetItem>* setItems, const std::vector<ast::RemoveItem>* removeItems)
        : setItems_(setItems), removeItems_(removeItems) {}
    std::string describe() const override { return setItems_ != nullptr ? "SetProperties" : "Remove"; }

protected:
    void write(ExecutionContext& context, std::vector<Value>& row, std::vector<std::vector<Value>>& output) override;

private:
    const std::vector<ast::SetItem>* setItems_;
    const std::vector<ast::RemoveItem>* removeItems_;
};

class Delete final : public WriteOperator {
public:
    Delete(std::vector<const ast::Expr*> expressions, bool detach)
        : expressions_(std::move(expressions)), detach_(detach) {}
    std::string describe() const override { return detach_ ? "DetachDelete" : "Delete"; }

protected:
    void write(ExecutionContext& context, std::vector<Value>& row, std::vector<std::vector<Value>>& output) override;
    void finish(ExecutionContext& context) override;

private:
    std::vector<const ast::Expr*> expressions_;
    bool detach_;
    std::vector<NodeId> nodes_;
    std::vector<RelId> rels_;
    std::vector<SourcePosition> nodePositions_;
};

// MERGE: per row, the matches of the pattern (via `match`), or the pattern created.
class Merge final : public WriteOperator {
public:
    Merge(Subplan match, CreatePartSpec create, const std::vector<ast::SetItem>* onCreate,
          const std::vector<ast::SetItem>* onMatch)
        : match_(std::move(match)), create_(std::move(create)), onCreate_(onCreate), onMatch_(onMatch) {}
    std::string describe() const override { return "Merge"; }

protected:
    void write(ExecutionContext& context, std::vector<Value>& row, std::vector<std::vector<Value>>& output) override;

private:
    Subplan match_;
    CreatePartSpec create_;
    const std::vector<ast::SetItem>* onCreate_;
    const std::vector<ast::SetItem>* onMatch_;
};

// Shared by CREATE and MERGE: creates one part's entities for `row`.
void createPart(ExecutionContext& context, const CreatePartSpec& part, std::vector<Value>& row);
// Shared by SET and MERGE ... ON CREATE/ON MATCH SET.
void applySetItems(ExecutionContext& context, const std::vector<ast::SetItem>& items, const std::vector<Value>& row);

} // namespace newsgraph
