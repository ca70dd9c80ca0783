//! [`StageId`]: a stage's id as a plan holds it. A plan names each stage many times — its
//! own entry, every timeline's entry and the stages it waits for, critical paths, warnings,
//! break-even and fixes — and each of those was an allocation of its own: at 1,000 stages
//! about 12,000 of a plan's 28,000 (docs/PERFORMANCE.md). A `StageId` is made once per stage
//! and shared; a copy costs a count (not an atomic one: a plan lives on one thread, in the
//! browser as in the CLI). It reads, compares and serializes as the string it holds, so plan
//! files are unchanged.

use std::borrow::Borrow;
use std::fmt;
use std::ops::Deref;
use std::rc::Rc;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A stage's id, shared by every place a plan names the stage. Written and read as a string.
#[derive(Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct StageId(Rc<str>);

impl StageId {
    /// The id as a string slice.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Deref for StageId {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for StageId {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl Borrow<str> for StageId {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl From<&str> for StageId {
    fn from(id: &str) -> Self {
        StageId(Rc::from(id))
    }
}

impl From<String> for StageId {
    fn from(id: String) -> Self {
        StageId(Rc::from(id))
    }
}

impl fmt::Display for StageId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for StageId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl PartialEq<str> for StageId {
    fn eq(&self, other: &str) -> bool {
        *self.0 == *other
    }
}

impl PartialEq<&str> for StageId {
    fn eq(&self, other: &&str) -> bool {
        *self.0 == **other
    }
}

impl PartialEq<String> for StageId {
    fn eq(&self, other: &String) -> bool {
        *self.0 == *other.as_str()
    }
}

impl PartialEq<StageId> for &str {
    fn eq(&self, other: &StageId) -> bool {
        **self == *other.0
    }
}

impl PartialEq<StageId> for String {
    fn eq(&self, other: &StageId) -> bool {
        *self.as_str() == *other.0
    }
}

impl Serialize for StageId {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for StageId {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(StageId::from)
    }
}

#[cfg(test)]
mod tests {
    use super::StageId;

    #[test]
    fn reads_compares_and_serializes_as_its_string() {
        let id = StageId::from("raw-zone");
        let copy = id.clone();
        assert!(std::ptr::eq(id.as_str(), copy.as_str()), "a copy shares the text");
        assert_eq!(id, "raw-zone");
        assert_eq!(id, String::from("raw-zone"));
        assert_ne!(id, "raw");
        assert_eq!(id.to_string(), "raw-zone");
        assert_eq!(format!("{id:?}"), "\"raw-zone\"");
        let json = serde_json::to_string(&vec![id.clone()]).expect("serializes");
        assert_eq!(json, r#"["raw-zone"]"#);
        let back: Vec<StageId> = serde_json::from_str(&json).expect("reads back");
        assert_eq!(back, vec![id]);
    }
}
