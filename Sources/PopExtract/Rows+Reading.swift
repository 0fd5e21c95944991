/// Builds one typed row from a record; made once per list at its header, with every column's
/// position resolved.
typealias RowReader<Row> = (borrowing Record, inout Cells) -> Row

/// A row type the reader can build: its list, and how its cells become its fields.
protocol ReadableRow: ListRow {
    static func reader(_ column: Header) -> RowReader<Self>
}

extension Contact: ListRow, ReadableRow {
    public static var list: ListKind { .list1 }

    static func reader(_ column: Header) -> RowReader<Contact> {
        let child = column(Column.childID), date = column(Column.contactDate), source = column(Column.contactSource)
        let decision = column(Column.contactDecision)
        return { r, cells in
            let d = cells.date(r, date)
            cells.history.see(d, line: r.line)
            return Contact(child: cells.child(r, child), date: d, source: cells.source(r, source), decision: cells.date(r, decision), line: r.line)
        }
    }
}

extension EarlyHelpAssessment: ListRow, ReadableRow {
    public static var list: ListKind { .list2 }

    static func reader(_ column: Header) -> RowReader<EarlyHelpAssessment> {
        let child = column(Column.childID), start = column(Column.ehStart), completed = column(Column.ehCompleted)
        let organisation = column(Column.ehOrganisation)
        return { r, cells in
            let s = cells.date(r, start)
            cells.history.see(s, line: r.line)
            return EarlyHelpAssessment(child: cells.child(r, child), start: s, completed: cells.date(r, completed),
                                       organisation: cells.team(r, organisation), line: r.line)
        }
    }
}

extension Referral: ListRow, ReadableRow {
    public static var list: ListKind { .list3 }

    static func reader(_ column: Header) -> RowReader<Referral> {
        let child = column(Column.childID), team = column(Column.team), worker = column(Column.worker)
        let date = column(Column.referralDate), source = column(Column.referralSource), nfa = column(Column.referralNFA)
        return { r, cells in
            let d = cells.date(r, date)
            cells.history.see(d, line: r.line)
            return Referral(child: cells.child(r, child), date: d, source: cells.source(r, source), nfa: cells.yesNo(r, nfa),
                            team: cells.team(r, team), worker: cells.worker(r, worker), line: r.line)
        }
    }
}

extension Assessment: ListRow, ReadableRow {
    public static var list: ListKind { .list4 }

    static func reader(_ column: Header) -> RowReader<Assessment> {
        let child = column(Column.childID), team = column(Column.team), worker = column(Column.worker)
        let start = column(Column.assessmentStart), authorised = column(Column.assessmentAuthorised), seen = column(Column.assessmentSeen)
        let support = column(Column.assessmentNeedsSupport)
        return { r, cells in
            let a = cells.date(r, authorised)
            cells.history.see(a, line: r.line)
            return Assessment(child: cells.child(r, child), start: cells.date(r, start), authorised: a, childSeen: cells.yesNo(r, seen),
                              needsSupport: support.index == nil ? .no : cells.yesNo(r, support),
                              team: cells.team(r, team), worker: cells.worker(r, worker), line: r.line)
        }
    }
}

extension Section47Enquiry: ListRow, ReadableRow {
    public static var list: ListKind { .list5 }

    static func reader(_ column: Header) -> RowReader<Section47Enquiry> {
        let child = column(Column.childID), team = column(Column.team), worker = column(Column.worker)
        let start = column(Column.strategyStart), icpc = column(Column.icpcDate)
        return { r, cells in
            let s = cells.date(r, start)
            cells.history.see(s, line: r.line)
            return Section47Enquiry(child: cells.child(r, child), strategyStart: s, icpc: cells.date(r, icpc),
                                    team: cells.team(r, team), worker: cells.worker(r, worker), line: r.line)
        }
    }
}

extension ChildInNeedEpisode: ListRow, ReadableRow {
    public static var list: ListKind { .list6 }

    static func reader(_ column: Header) -> RowReader<ChildInNeedEpisode> {
        let child = column(Column.childID), team = column(Column.team), worker = column(Column.worker)
        let start = column(Column.cinStart), seen = column(Column.cinLastSeen), closure = column(Column.cinClosure)
        let status = column(Column.caseStatus), need = column(Column.cinPrimaryNeed)
        return { r, cells in
            ChildInNeedEpisode(child: cells.child(r, child), start: cells.date(r, start), lastSeen: cells.date(r, seen),
                               closure: cells.date(r, closure), status: cells.caseStatus(r, status),
                               primaryNeed: need.index == nil ? .blank : cells.primaryNeed(r, need),
                               team: cells.team(r, team), worker: cells.worker(r, worker), line: r.line)
        }
    }
}

extension ChildProtectionPlan: ListRow, ReadableRow {
    public static var list: ListKind { .list7 }

    static func reader(_ column: Header) -> RowReader<ChildProtectionPlan> {
        let child = column(Column.childID), team = column(Column.team), worker = column(Column.worker)
        let dob = column(Column.dateOfBirth), start = column(Column.cpStart), category = column(Column.cpCategory)
        let visit = column(Column.cpLastVisit), alone = column(Column.cpSeenAlone), review = column(Column.cpLatestReview)
        let end = column(Column.cpEnd), previous = column(Column.cpPreviousPlans), disability = column(Column.disability)
        return { r, cells in
            ChildProtectionPlan(
                child: cells.child(r, child), dateOfBirth: cells.date(r, dob), start: cells.date(r, start), category: cells.category(r, category),
                lastVisit: cells.date(r, visit), seenAlone: cells.yesNo(r, alone), latestReview: cells.date(r, review), end: cells.date(r, end),
                previousPlans: cells.count(r, previous), disabled: disability.index == nil ? .no : cells.yesNo(r, disability),
                team: cells.team(r, team), worker: cells.worker(r, worker), line: r.line)
        }
    }
}

extension ChildInCare: ListRow, ReadableRow {
    public static var list: ListKind { .list8 }

    static func reader(_ column: Header) -> RowReader<ChildInCare> {
        let child = column(Column.childID), team = column(Column.team), worker = column(Column.worker)
        let dob = column(Column.dateOfBirth), uasc = column(Column.claUASC), started = column(Column.claStarted)
        let legal = column(Column.claLegalStatus), review = column(Column.claLatestReview), visit = column(Column.claLastVisit)
        let health = column(Column.claHealth), dental = column(Column.claDental), placements = column(Column.claPlacements)
        let ceased = column(Column.claCeased), placementStart = column(Column.claPlacementStart), location = column(Column.claLocation)
        let missing = column(Column.claMissing), gender = column(Column.gender), ethnicity = column(Column.ethnicity)
        let placementType = column(Column.claPlacementType), reason = column(Column.claReasonCeased)
        return { r, cells in
            ChildInCare(
                child: cells.child(r, child), dateOfBirth: cells.date(r, dob),
                gender: gender.index == nil ? .not_recorded : cells.gender(r, gender),
                ethnicity: ethnicity.index == nil ? .not_recorded : cells.ethnicity(r, ethnicity),
                uasc: cells.yesNo(r, uasc), started: cells.date(r, started),
                legalStatus: cells.legal(r, legal), latestReview: cells.date(r, review), lastVisit: cells.date(r, visit),
                lastHealthAssessment: cells.date(r, health), lastDentalCheck: cells.date(r, dental),
                placementsLast12Months: cells.count(r, placements), ceased: cells.date(r, ceased),
                placementStart: cells.date(r, placementStart), location: cells.location(r, location),
                placementType: placementType.index == nil ? .blank : cells.placementType(r, placementType),
                reasonCeased: reason.index == nil ? .blank : cells.reasonCeased(r, reason),
                missingEpisodes: cells.count(r, missing), team: cells.team(r, team), worker: cells.worker(r, worker), line: r.line)
        }
    }
}

extension CareLeaver: ListRow, ReadableRow {
    public static var list: ListKind { .list9 }

    static func reader(_ column: Header) -> RowReader<CareLeaver> {
        let child = column(Column.childID), team = column(Column.team), worker = column(Column.worker)
        let dob = column(Column.dateOfBirth), contact = column(Column.clLatestContact), review = column(Column.clPathwayReview)
        let suitability = column(Column.clSuitability), activity = column(Column.clActivity), inTouch = column(Column.clInTouch)
        let accommodation = column(Column.clAccommodation)
        return { r, cells in
            CareLeaver(
                child: cells.child(r, child), dateOfBirth: cells.date(r, dob), latestContact: cells.date(r, contact),
                laInTouch: inTouch.index == nil ? .no : cells.laInTouch(r, inTouch),
                pathwayPlanReview: cells.date(r, review), suitability: cells.suitability(r, suitability),
                activity: cells.activity(r, activity), activityDetail: cells.activityDetail(r, activity),
                accommodation: accommodation.index == nil ? .blank : cells.accommodation(r, accommodation), team: cells.team(r, team), worker: cells.worker(r, worker), line: r.line)
        }
    }
}

extension YouthOffendingCase: ListRow, ReadableRow {
    public static var list: ListKind { .yot }

    static func reader(_ column: Header) -> RowReader<YouthOffendingCase> {
        let child = column(Column.childID), team = column(Column.team), worker = column(Column.worker)
        let start = column(Column.yotOrderStart), end = column(Column.yotOrderEnd), type = column(Column.yotOrderType)
        let fte = column(Column.yotFTE), custody = column(Column.yotCustody), intensity = column(Column.yotIntensity)
        let gang = column(Column.yotGang), ete = column(Column.yotETE)
        return { r, cells in
            YouthOffendingCase(
                child: cells.child(r, child), orderStart: cells.date(r, start), orderEnd: cells.date(r, end),
                orderType: cells.orderType(r, type), firstTimeEntrant: cells.date(r, fte), custodialSentence: cells.date(r, custody),
                intensity: cells.intensity(r, intensity), gangMember: cells.yesNo(r, gang), eteAtOrderEnd: cells.yesNo(r, ete),
                team: cells.team(r, team), worker: cells.worker(r, worker), line: r.line)
        }
    }
}

extension CaseAudit: ListRow, ReadableRow {
    public static var list: ListKind { .audits }

    static func reader(_ column: Header) -> RowReader<CaseAudit> {
        let child = column(Column.childID), date = column(Column.auditDate), area = column(Column.auditServiceArea)
        let domain = column(Column.auditDomain), grade = column(Column.auditGrade), team = column(Column.team), auditor = column(Column.auditor)
        return { r, cells in
            // The child is optional here: a blank ID is no problem in a list that counts audits.
            var id = ""
            if let i = child.index, i < r.count { id = Cells.text(r, i) }
            let d = cells.text(r, domain)
            if d.isEmpty && domain.index != nil && !Cells.lacks(r, domain) {
                cells.issue(domain, value: "", problem: "blank domain: neither an audit (Overall) nor a domain's grading, so the row counts nowhere",
                            kind: .blankValue)
            }
            return CaseAudit(child: id, date: cells.date(r, date), serviceArea: cells.team(r, area), domain: d, grade: cells.grade(r, grade),
                             team: cells.team(r, team), auditor: cells.text(r, auditor), line: r.line)
        }
    }
}

extension StaffMember: ListRow, ReadableRow {
    public static var list: ListKind { .workforce }

    static func reader(_ column: Header) -> RowReader<StaffMember> {
        let worker = column(Column.staffWorker), team = column(Column.staffTeam), role = column(Column.staffRole)
        let agency = column(Column.staffAgency), start = column(Column.staffStart), end = column(Column.staffEnd)
        let supervision = column(Column.staffSupervision)
        return { r, cells in
            let name = cells.worker(r, worker)
            if name.isEmpty {
                cells.issue(worker, value: "", problem: "blank worker: the row is left out of every workforce figure", kind: .blankValue)
            }
            return StaffMember(worker: name, team: cells.team(r, team), role: cells.text(r, role), agency: cells.yesNo(r, agency),
                               start: cells.date(r, start), end: cells.date(r, end), lastSupervision: cells.date(r, supervision), line: r.line)
        }
    }
}
