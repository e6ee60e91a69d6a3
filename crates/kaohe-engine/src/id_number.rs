//! The 18-digit citizen ID number (公民身份号码, GB 11643-1999): format and check digit.

use chrono::NaiveDate;

const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK: [char; 11] = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'];

/// Why an ID number is not valid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IdProblem {
    /// Not 18 characters of digits (the last may be X).
    Format,
    /// The birth date inside the number is not a real date.
    BirthDate,
    /// The check digit does not match; carries the digit the number should end with.
    CheckDigit(char),
}

impl IdProblem {
    /// A message for a clerk, in Chinese.
    pub fn message(&self) -> String {
        match self {
            IdProblem::Format => "身份证号应为18位，前17位为数字，最后一位为数字或X".to_string(),
            IdProblem::BirthDate => "身份证号中的出生日期不是有效日期".to_string(),
            IdProblem::CheckDigit(c) => {
                format!("身份证号校验位不正确（按前17位计算，末位应为 {c}），请核对是否录入有误")
            }
        }
    }
}

/// Upper-cases a trailing x and trims spaces; does not validate.
pub fn normalize(raw: &str) -> String {
    // One allocation per ID: an import normalises every row's. Most IDs are digits (and X)
    // already, and are only copied.
    if raw.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return raw.to_ascii_uppercase();
    }
    let mut out = String::with_capacity(raw.len());
    for c in raw.chars().filter(|c| !c.is_whitespace() && *c != '\u{3000}') {
        out.push(match c {
            // Full-width digits and Ｘ/ｘ from a Chinese input method.
            '\u{FF10}'..='\u{FF19}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            'Ｘ' | 'ｘ' => 'X',
            c => c.to_ascii_uppercase(),
        });
    }
    out
}

/// The check digit for the first 17 digits.
pub fn check_digit(first17: &str) -> Option<char> {
    // Without allocating: every row of an import is checked.
    let (mut sum, mut count) = (0u32, 0usize);
    for c in first17.chars() {
        let d = c.to_digit(10)?;
        if let Some(w) = WEIGHTS.get(count) {
            sum += d * w;
        }
        count += 1;
    }
    if count != 17 {
        return None;
    }
    Some(CHECK[(sum % 11) as usize])
}

/// Converts a 15-digit ID number of the first generation (born in the 1900s) to 18 digits.
pub fn upgrade_15(id: &str) -> Option<String> {
    if id.len() != 15 || !id.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let first17 = format!("{}19{}", &id[..6], &id[6..]);
    let check = check_digit(&first17)?;
    Some(format!("{first17}{check}"))
}

/// Validates a normalised 18-character ID number.
pub fn validate(id: &str) -> Result<(), IdProblem> {
    // By bytes: 18 ASCII characters are 18 bytes, and a non-ASCII byte is no digit.
    let bytes = id.as_bytes();
    if bytes.len() != 18
        || !bytes[..17].iter().all(u8::is_ascii_digit)
        || !(bytes[17].is_ascii_digit() || bytes[17] == b'X')
    {
        return Err(IdProblem::Format);
    }
    if birth_date(id).is_none() {
        return Err(IdProblem::BirthDate);
    }
    let expected = check_digit(&id[..17]).ok_or(IdProblem::Format)?;
    if char::from(bytes[17]) != expected {
        return Err(IdProblem::CheckDigit(expected));
    }
    Ok(())
}

/// The birth date written in an 18-digit ID number.
pub fn birth_date(id: &str) -> Option<NaiveDate> {
    let y = id.get(6..10)?.parse().ok()?;
    let m = id.get(10..12)?.parse().ok()?;
    let d = id.get(12..14)?.parse().ok()?;
    NaiveDate::from_ymd_opt(y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_valid_number_passes() {
        // The sample number printed in GB 11643-1999.
        assert_eq!(validate("11010519491231002X"), Ok(()));
    }

    #[test]
    fn wrong_check_digit_names_the_right_one() {
        assert_eq!(validate("110105194912310021"), Err(IdProblem::CheckDigit('X')));
    }

    #[test]
    fn fifteen_digit_numbers_are_upgraded() {
        // The GB 11643 sample without century and check digit.
        assert_eq!(upgrade_15("110105491231002").as_deref(), Some("11010519491231002X"));
        assert_eq!(upgrade_15("11010549123100"), None);
    }

    #[test]
    fn lowercase_x_is_normalised() {
        assert_eq!(normalize(" 11010519491231002x "), "11010519491231002X");
    }

    #[test]
    fn impossible_birth_date_is_reported() {
        assert_eq!(validate("110105194902300021"), Err(IdProblem::BirthDate));
    }
}
