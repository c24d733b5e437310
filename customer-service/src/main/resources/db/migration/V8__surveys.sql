-- Satisfaction surveys (DOMAIN.md §1 "Satisfaction surveys"): templates per segment, answers scored 1-5,
-- and the survey requested when a complaint is closed.
CREATE TABLE survey_template (
    id          varchar(64)  PRIMARY KEY,
    name        varchar(200) NOT NULL,
    -- null: for every customer; otherwise the segment the template is written for
    segment_id  varchar(64)  REFERENCES segment (id),
    -- [{"id": "q1", "text": "..."}, ...]
    questions   jsonb        NOT NULL,
    active      boolean      NOT NULL DEFAULT true,
    created_by  varchar(64)  NOT NULL,
    created_at  timestamptz  NOT NULL,
    updated_at  timestamptz  NOT NULL,
    version     bigint       NOT NULL DEFAULT 0
);
CREATE INDEX survey_template_segment ON survey_template (segment_id, id);
CREATE INDEX survey_template_active ON survey_template (active, id);

CREATE TABLE survey_answer (
    id           varchar(64)   PRIMARY KEY,
    template_id  varchar(64)   NOT NULL REFERENCES survey_template (id),
    customer_id  varchar(64)   NOT NULL REFERENCES customer (id),
    -- the customer's unit and salesperson when answered: rates are counted per unit subtree
    org_unit     varchar(64)   NOT NULL,
    salesperson  varchar(64),
    complaint_id varchar(64)   REFERENCES complaint (id),
    channel      varchar(16)   NOT NULL,
    -- [{"questionId": "q1", "question": "...", "score": 4, "comment": "..."}, ...]
    scores       jsonb         NOT NULL,
    comment      text,
    -- mean of the question scores, 2 decimals half-up
    score        numeric(3, 2) NOT NULL,
    satisfied    boolean       NOT NULL,
    answered_at  timestamptz   NOT NULL,
    recorded_by  varchar(64)   NOT NULL,
    recorded_at  timestamptz   NOT NULL
);
-- one answer per complaint's survey
CREATE UNIQUE INDEX survey_answer_complaint ON survey_answer (complaint_id) WHERE complaint_id IS NOT NULL;
-- the satisfaction rate of a subtree over a period; the answer list
CREATE INDEX survey_answer_org_at ON survey_answer (org_unit, answered_at, id);
CREATE INDEX survey_answer_at ON survey_answer (answered_at, id);
CREATE INDEX survey_answer_customer ON survey_answer (customer_id, answered_at, id);
CREATE INDEX survey_answer_template ON survey_answer (template_id, answered_at, id);

-- Closing a complaint asks its customer for a satisfaction survey: one request per complaint.
CREATE TABLE survey_request (
    id           varchar(64)  PRIMARY KEY,
    complaint_id varchar(64)  NOT NULL UNIQUE REFERENCES complaint (id),
    customer_id  varchar(64)  NOT NULL REFERENCES customer (id),
    org_unit     varchar(64)  NOT NULL,
    salesperson  varchar(64),
    -- the active template suggested for the customer when requested (their segment's, else a general one)
    template_id  varchar(64)  REFERENCES survey_template (id),
    status       varchar(16)  NOT NULL,
    requested_at timestamptz  NOT NULL,
    answer_id    varchar(64)  REFERENCES survey_answer (id),
    answered_at  timestamptz,
    version      bigint       NOT NULL DEFAULT 0
);
CREATE INDEX survey_request_status_org ON survey_request (status, org_unit, requested_at, id);
CREATE INDEX survey_request_status ON survey_request (status, requested_at, id);
CREATE INDEX survey_request_customer ON survey_request (customer_id, requested_at, id);
