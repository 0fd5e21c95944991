import PopCalendar

/// List 1: one row per contact.
public struct Contact: Sendable {
    public var child: String
    public var date: DateField
    /// nil when the cell could not be read (a short row).
    public var source: SourceGroup?
    public var decision: DateField
    public var line: Int
}

/// List 2: one row per Early Help assessment.
public struct EarlyHelpAssessment: Sendable {
    public var child: String
    public var start: DateField
    public var completed: DateField
    /// The organisation completing the assessment (its lead professional's): the team of
    /// `eh.started`; blank is `Unallocated`.
    public var organisation: String
    public var line: Int
}

/// List 3: one row per referral.
public struct Referral: Sendable {
    public var child: String
    public var date: DateField
    /// nil when the cell could not be read (a short row).
    public var source: SourceGroup?
    public var nfa: YesNo
    public var team: String
    public var worker: String
    public var line: Int
}

/// List 4: one row per continuous assessment.
public struct Assessment: Sendable {
    public var child: String
    public var start: DateField
    public var authorised: DateField
    public var childSeen: YesNo
    /// Whether the child was assessed as needing children's social care support.
    public var needsSupport: YesNo
    public var team: String
    public var worker: String
    public var line: Int
}

/// List 5: one row per section 47 enquiry.
public struct Section47Enquiry: Sendable {
    public var child: String
    public var strategyStart: DateField
    public var icpc: DateField
    public var team: String
    public var worker: String
    public var line: Int
}

/// List 6: one row per child in need episode.
public struct ChildInNeedEpisode: Sendable {
    public var child: String
    public var start: DateField
    public var lastSeen: DateField
    public var closure: DateField
    /// nil for a status that could not be read.
    public var status: CaseStatus?
    public var primaryNeed: CodedField<PrimaryNeed>
    public var team: String
    public var worker: String
    public var line: Int
}

/// List 7: one row per child protection plan.
public struct ChildProtectionPlan: Sendable {
    public var child: String
    public var dateOfBirth: DateField
    public var start: DateField
    public var category: CodedField<AbuseCategory>
    public var lastVisit: DateField
    public var seenAlone: YesNo
    public var latestReview: DateField
    public var end: DateField
    public var previousPlans: CountField
    public var disabled: YesNo
    public var team: String
    public var worker: String
    public var line: Int
}

/// List 8: one row per period of care.
public struct ChildInCare: Sendable {
    public var child: String
    public var dateOfBirth: DateField
    /// nil when the cell could not be read; blank is `not_recorded`.
    public var gender: Gender?
    public var ethnicity: EthnicGroup?
    public var uasc: YesNo
    public var started: DateField
    /// nil when the cell could not be read (a short row).
    public var legalStatus: LegalGroup?
    public var latestReview: DateField
    public var lastVisit: DateField
    public var lastHealthAssessment: DateField
    public var lastDentalCheck: DateField
    public var placementsLast12Months: CountField
    public var ceased: DateField
    public var placementStart: DateField
    public var location: PlacementLocation
    public var placementType: CodedField<PlacementGroup>
    public var reasonCeased: CodedField<ReasonCeased>
    public var missingEpisodes: CountField
    public var team: String
    public var worker: String
    public var line: Int
}

/// List 9: one row per current care leaver.
public struct CareLeaver: Sendable {
    public var child: String
    public var dateOfBirth: DateField
    public var latestContact: DateField
    /// LA in Touch (templates before 2023): `cl.in_touch`'s fallback when there is no Latest
    /// Date of Contact.
    public var laInTouch: YesNo
    public var pathwayPlanReview: DateField
    /// nil when the cell could not be read (a short row).
    public var suitability: Suitability?
    public var activity: ActivityGroup?
    /// Within education, employment or training, which kind (from the same cell); nil when
    /// the status is not one of those codes.
    public var activityDetail: ActivityDetail?
    public var accommodation: CodedField<AccommodationType>
    public var team: String
    public var worker: String
    public var line: Int
}

/// yot.csv: one row per youth-justice order.
public struct YouthOffendingCase: Sendable {
    public var child: String
    public var orderStart: DateField
    public var orderEnd: DateField
    /// nil when the cell could not be read (a short row).
    public var orderType: OrderType?
    public var firstTimeEntrant: DateField
    public var custodialSentence: DateField
    public var intensity: Intensity
    public var gangMember: YesNo
    public var eteAtOrderEnd: YesNo
    public var team: String
    public var worker: String
    public var line: Int
}

/// audits.csv: one row per audited case and domain. `Domain` is `Overall` for the audit's
/// overall grade, otherwise the domain graded.
public struct CaseAudit: Sendable {
    public var child: String
    public var date: DateField
    /// The audit's service area, trimmed; blank is `Unallocated`.
    public var serviceArea: String
    /// The domain, trimmed; `Overall` for the audit itself.
    public var domain: String
    /// nil when the cell could not be read.
    public var grade: AuditGrade?
    public var team: String
    public var auditor: String
    public var line: Int

    /// The row is the audit's overall grade, not one domain's.
    public var isOverall: Bool { Codes.normalise(domain) == "overall" }
}

/// workforce.csv: one row per member of staff as at R.
public struct StaffMember: Sendable {
    /// As written in the Annex A lists' `Allocated Worker`.
    public var worker: String
    /// Trimmed; blank is `Unallocated`.
    public var team: String
    public var role: String
    public var agency: YesNo
    public var start: DateField
    public var end: DateField
    public var lastSupervision: DateField
    public var line: Int

    /// Whose role makes them a social worker: it contains "social worker", whatever the case.
    public var isSocialWorker: Bool {
        var text = Codes.normalise(role)
        // An ASCII role, once normalised, is one Character per byte (its line breaks are
        // spaces now), so a search of its bytes finds what a search of its Characters finds.
        let ascii = text.withUTF8 { u -> Bool? in
            guard u.allSatisfy({ $0 < 0x80 }) else { return nil }
            let word = Array("social worker".utf8)
            guard u.count >= word.count else { return false }
            for i in 0...(u.count - word.count) where u[i] == word[0] {
                var k = 1
                while k < word.count && u[i + k] == word[k] { k += 1 }
                if k == word.count { return true }
            }
            return false
        }
        return ascii ?? text.contains("social worker")
    }

    /// A worker's name as names compare: trimmed, runs of spaces (non-breaking ones too)
    /// collapsed, case folded.
    public static func nameKey(_ name: String) -> String { Codes.normalise(name) }
}
