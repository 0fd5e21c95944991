import Testing
@testable import PopExtract

@Suite struct NormaliseTests {
    /// The ASCII path gives what the Character-at-a-time definition gives, for every string of
    /// up to three bytes over white space, letters of both cases and punctuation, and for
    /// longer strings drawn from the same bytes (a fixed generator: the same strings every run).
    @Test func asciiPathMatchesTheDefinition() {
        let alphabet: [UInt8] = Array(" \t\n\r\u{0B}\u{0C}aZz@[`{-'".utf8) + [0x00, 0x1F, 0x7F]
        var cases: [String] = [""]
        for a in alphabet {
            cases.append(String(decoding: [a], as: UTF8.self))
            for b in alphabet {
                cases.append(String(decoding: [a, b], as: UTF8.self))
                for c in alphabet { cases.append(String(decoding: [a, b, c], as: UTF8.self)) }
            }
        }
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<5000 {
            var bytes: [UInt8] = []
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            for k in 0..<Int(seed >> 59) { bytes.append(alphabet[Int((seed >> UInt64(k * 2 % 48)) % UInt64(alphabet.count))]) }
            cases.append(String(decoding: bytes, as: UTF8.self))
        }
        cases += ["  Senior  SOCIAL\tWorker ", "C001 Amira Adeyemi", "\r\nOverall\r\n", "A\r\n\r\nB"]
        for text in cases {
            #expect(Codes.normaliseASCII(text) == Codes.normaliseCharacters(text), "\(Array(text.utf8))")
        }
        #expect(Codes.normaliseASCII("Zoë") == nil)
        #expect(Codes.normalise("Children’s  TEAM") == "children's team")
    }
}

@Suite struct SocialWorkerRoleTests {
    /// The byte search of an ASCII role finds what the Character search finds.
    @Test func rolesAsBefore() {
        func staff(_ role: String) -> StaffMember {
            StaffMember(worker: "A", team: "T", role: role, agency: .no, start: .blank, end: .blank, lastSupervision: .blank, line: 2)
        }
        let roles = ["Social Worker", "Senior  SOCIAL\tworker", "social worke", "Social\r\nWorker", "Team Manager", "", "x social worker",
                     "Social Workers", "Sociál Worker", "Senior Social Worker (Zoë's team)", "social-worker", "social worker\u{0}", "socialworker"]
        for r in roles {
            #expect(staff(r).isSocialWorker == Codes.normalise(r).contains("social worker"), "\(r)")
        }
    }
}
