//! serde's way into the JSON writer: the headless build's views and results, and the tests.

use std::fmt::{self, Write};

use serde::ser::{self, Serialize};

use super::{Json, Members};
use crate::strings::Written;

/// `value` as compact JSON text, byte for byte as `serde_json::to_string` writes it.
pub(crate) fn to_string(value: &impl Serialize) -> Result<String, WriteError> {
    let mut out = String::new();
    value.serialize(Writer { out: &mut out })?;
    Ok(out)
}

/// Why a value could not be written: it holds something JSON or this writer does not carry.
#[derive(Debug)]
pub(crate) struct WriteError(String);

impl fmt::Display for WriteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for WriteError {}

impl Written for WriteError {
    fn written(&self) -> String {
        self.0.clone()
    }
}

impl ser::Error for WriteError {
    fn custom<T: fmt::Display>(message: T) -> Self {
        WriteError(message.to_string())
    }
}

impl From<fmt::Error> for WriteError {
    fn from(_: fmt::Error) -> Self {
        WriteError("the output refused the text".to_string())
    }
}

fn unsupported(what: &str) -> WriteError {
    WriteError(format!("{what} are not written"))
}

/// A serde serializer writing compact JSON; one per value, nested ones borrow the output.
struct Writer<'o> {
    out: &'o mut String,
}

/// An array or object serde is writing.
struct Compound<'o> {
    members: Members<'o>,
    /// The `}` closing an enum variant's wrapping object, if any.
    wrapped: bool,
}

impl<'o> Writer<'o> {
    fn open(self, bracket: char, wrapper: Option<&str>) -> Result<Compound<'o>, WriteError> {
        if let Some(variant) = wrapper {
            self.out.write_char('{')?;
            variant.write_to(self.out);
            self.out.write_char(':')?;
        }
        Ok(Compound {
            members: Members::open(self.out, bracket),
            wrapped: wrapper.is_some(),
        })
    }

    fn number(self, n: impl fmt::Display) -> Result<(), WriteError> {
        Ok(write!(self.out, "{n}")?)
    }
}

impl Compound<'_> {
    fn item(&mut self, value: &(impl Serialize + ?Sized)) -> Result<(), WriteError> {
        value.serialize(Writer {
            out: self.members.item(),
        })
    }

    fn field(&mut self, key: &str, value: &(impl Serialize + ?Sized)) -> Result<(), WriteError> {
        value.serialize(Writer {
            out: self.members.key(key),
        })
    }

    fn close(self) -> Result<(), WriteError> {
        let out = self.members.close();
        if self.wrapped {
            out.push('}');
        }
        Ok(())
    }
}

/// serde's one method per integer type, each writing the number in decimal.
macro_rules! numbers {
    ($($method:ident: $type:ty),*) => {$(
        fn $method(self, v: $type) -> Result<(), WriteError> {
            self.number(v)
        }
    )*};
}

impl<'o> ser::Serializer for Writer<'o> {
    type Ok = ();
    type Error = WriteError;
    type SerializeSeq = Compound<'o>;
    type SerializeTuple = Compound<'o>;
    type SerializeTupleStruct = Compound<'o>;
    type SerializeTupleVariant = Compound<'o>;
    type SerializeMap = Compound<'o>;
    type SerializeStruct = Compound<'o>;
    type SerializeStructVariant = Compound<'o>;

    fn serialize_bool(self, v: bool) -> Result<(), WriteError> {
        v.write_to(self.out);
        Ok(())
    }
    numbers!(
        serialize_i8: i8,
        serialize_i16: i16,
        serialize_i32: i32,
        serialize_i64: i64,
        serialize_u8: u8,
        serialize_u16: u16,
        serialize_u32: u32,
        serialize_u64: u64
    );
    fn serialize_f32(self, _: f32) -> Result<(), WriteError> {
        Err(unsupported("floating-point numbers"))
    }
    fn serialize_f64(self, _: f64) -> Result<(), WriteError> {
        Err(unsupported("floating-point numbers"))
    }
    fn serialize_char(self, v: char) -> Result<(), WriteError> {
        v.encode_utf8(&mut [0; 4]).write_to(self.out);
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Result<(), WriteError> {
        v.write_to(self.out);
        Ok(())
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<(), WriteError> {
        Err(unsupported("byte strings"))
    }
    fn serialize_none(self) -> Result<(), WriteError> {
        self.serialize_unit()
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), WriteError> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), WriteError> {
        Ok(self.out.write_str("null")?)
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), WriteError> {
        self.serialize_unit()
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> Result<(), WriteError> {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, value: &T) -> Result<(), WriteError> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), WriteError> {
        let mut object = self.open('{', None)?;
        object.field(variant, value)?;
        object.close()
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Compound<'o>, WriteError> {
        self.open('[', None)
    }
    fn serialize_tuple(self, _: usize) -> Result<Compound<'o>, WriteError> {
        self.open('[', None)
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Compound<'o>, WriteError> {
        self.open('[', None)
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Compound<'o>, WriteError> {
        self.open('[', Some(variant))
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Compound<'o>, WriteError> {
        self.open('{', None)
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Compound<'o>, WriteError> {
        self.open('{', None)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Compound<'o>, WriteError> {
        self.open('{', Some(variant))
    }
}

/// The serde traits for arrays, whose items are written alike whatever serde calls them.
macro_rules! items {
    ($($trait:ident :: $method:ident),*) => {$(
        impl ser::$trait for Compound<'_> {
            type Ok = ();
            type Error = WriteError;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), WriteError> {
                self.item(value)
            }
            fn end(self) -> Result<(), WriteError> {
                self.close()
            }
        }
    )*};
}

items!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

/// The serde traits for objects with named fields, written alike.
macro_rules! fields {
    ($($trait:ident),*) => {$(
        impl ser::$trait for Compound<'_> {
            type Ok = ();
            type Error = WriteError;
            fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), WriteError> {
                self.field(key, value)
            }
            fn end(self) -> Result<(), WriteError> {
                self.close()
            }
        }
    )*};
}

fields!(SerializeStruct, SerializeStructVariant);

impl ser::SerializeMap for Compound<'_> {
    type Ok = ();
    type Error = WriteError;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), WriteError> {
        // Keys are written as values: the core's maps (serde's internally tagged enums) have only string keys.
        let out = self.members.item();
        key.serialize(Writer { out: &mut *out })?;
        out.push(':');
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), WriteError> {
        value.serialize(Writer {
            out: &mut *self.members.out,
        })
    }
    fn end(self) -> Result<(), WriteError> {
        self.close()
    }
}
