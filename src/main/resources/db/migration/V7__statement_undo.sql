-- A statement that finds half-way that it must not take effect raises this error, which undoes
-- all it did. The signup stores its event claim, referee and rewards in one statement without a
-- transaction around it (a BEGIN and a COMMIT fewer per signup); when the claim succeeds but the
-- user had signed up before, the statement undoes itself and the signup is answered in a
-- transaction instead (SignupService).
CREATE FUNCTION refgate_undo(reason text) RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION USING ERRCODE = 'RG001', MESSAGE = reason;
END
$$;
