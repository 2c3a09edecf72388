#pragma once

#include <span>
#include <string>
#include <vector>

#include "engine/common/value.hpp"

namespace newsgraph {

// What functions need to know about the graph a query runs on: labels, types, endpoints and
// properties of the nodes and relationships they are given. The executor supplies it.
class EntityAccessor {
public:
    EntityAccessor() = default;
    EntityAccessor(const EntityAccessor&) = delete;
    EntityAccessor& operator=(const EntityAccessor&) = delete;
    EntityAccessor(EntityAccessor&&) = delete;
    EntityAccessor& operator=(EntityAccessor&&) = delete;
    virtual ~EntityAccessor() = default;

    virtual std::vector<std::string> nodeLabels(NodeId node) const = 0;
    virtual PropertyList nodeProperties(NodeId node) const = 0;
    virtual Value nodeProperty(NodeId node, const std::string& key) const = 0;
    virtual std::string relType(RelId rel) const = 0;
    virtual PropertyList relProperties(RelId rel) const = 0;
    virtual Value relProperty(RelId rel, const std::string& key) const = 0;
    virtual NodeId relSource(RelId rel) const = 0;
    virtual NodeId relTarget(RelId rel) const = 0;
    // Whether the entity was deleted by this query (accessing it is then an EntityNotFound error).
    virtual bool nodeDeleted(NodeId /*node*/) const { return false; }
    virtual bool relDeleted(RelId /*rel*/) const { return false; }
};

} // namespace newsgraph
